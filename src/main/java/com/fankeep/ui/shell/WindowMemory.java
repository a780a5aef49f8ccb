package com.fankeep.ui.shell;

import com.fankeep.ui.common.LayoutMemory;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Puts the main window where the owner left it (or fits it to the screen at first), and remembers it when it closes.
 * The listeners it adds to the stage are removed by the {@link Runnable} {@link #place} returns: a stage outlives its app
 * in the tests (TestFX's one primary stage), and each app's window and services stayed reachable through them.
 */
final class WindowMemory {

    static final String KEY = "main-window";

    private WindowMemory() {
    }

    /** Places {@code stage} and tracks it; the returned action stops the tracking (the window is done with). */
    static Runnable place(Stage stage, LayoutMemory memory) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowPlacement p = memory.get(KEY)
                .flatMap(saved -> WindowPlacement.restore(saved, Screen.getScreens().stream().map(Screen::getVisualBounds).toList()))
                .orElseGet(() -> WindowPlacement.firstStart(screen));
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());

        // the size to come back to from maximized: the last one seen while not maximized
        WindowPlacement[] normal = {new WindowPlacement(p.x(), p.y(), p.width(), p.height(), false)};
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0) {
                normal[0] = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        javafx.beans.InvalidationListener moved = o -> track.run();
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        javafx.event.EventHandler<WindowEvent> hiding = e -> {
            WindowPlacement n = normal[0];
            memory.put(KEY, new WindowPlacement(n.x(), n.y(), n.width(), n.height(), stage.isMaximized()).format());
        };
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, hiding);
        return () -> {
            stage.xProperty().removeListener(moved);
            stage.yProperty().removeListener(moved);
            stage.widthProperty().removeListener(moved);
            stage.heightProperty().removeListener(moved);
            stage.removeEventHandler(WindowEvent.WINDOW_HIDING, hiding);
        };
    }
}
