package com.fankeep.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: where the owner left it (size, position, maximized) when that is still on a screen;
 * otherwise fitted to the screen it opens on — maximized on a laptop screen below 1440 px wide, where every pixel counts.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    static final double MAXIMIZE_BELOW = 1440;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 560;

    /** The first start on {@code screen} (its visual bounds: without task bars). */
    static WindowPlacement firstStart(Rectangle2D screen) {
        if (screen.getWidth() < MAXIMIZE_BELOW) {
            return new WindowPlacement(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight(), true);
        }
        double w = Math.min(1440, screen.getWidth() * 0.85);
        double h = Math.min(900, screen.getHeight() * 0.85);
        return new WindowPlacement(screen.getMinX() + (screen.getWidth() - w) / 2, screen.getMinY() + (screen.getHeight() - h) / 2,
                w, h, false);
    }

    /** The saved placement when its title bar is still on one of {@code screens}, shrunk to fit that screen. */
    static Optional<WindowPlacement> restore(String saved, List<Rectangle2D> screens) {
        Optional<WindowPlacement> p = parse(saved);
        if (p.isEmpty()) {
            return p;
        }
        WindowPlacement w = p.get();
        for (Rectangle2D s : screens) {
            // the top strip (the title bar) must be reachable, or the owner could not move the window back
            if (s.intersects(w.x, w.y, Math.max(1, w.width), 30)) {
                double width = Math.clamp(w.width, Math.min(MIN_WIDTH, s.getWidth()), s.getWidth());
                double height = Math.clamp(w.height, Math.min(MIN_HEIGHT, s.getHeight()), s.getHeight());
                double x = Math.clamp(w.x, s.getMinX(), s.getMaxX() - width);
                double y = Math.clamp(w.y, s.getMinY(), s.getMaxY() - height);
                return Optional.of(new WindowPlacement(x, y, width, height, w.maximized));
            }
        }
        return Optional.empty();
    }

    String format() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", x, y, width, height, maximized);
    }

    static Optional<WindowPlacement> parse(String saved) {
        if (saved == null) {
            return Optional.empty();
        }
        String[] p = saved.split(",");
        try {
            WindowPlacement w = new WindowPlacement(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Double.parseDouble(p[3]), Boolean.parseBoolean(p[4]));
            return w.width > 0 && w.height > 0 ? Optional.of(w) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
