package com.fankeep.ui.launches;

import com.fankeep.core.launch.Launch;
import com.fankeep.core.launch.LaunchPhase;
import com.fankeep.core.shared.Messages;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The phases of a launch on one time axis, one row each, with today marked by a red line. Texts, not labels: a short
 * phase's bar clips its dates instead of showing "…".
 */
final class Timeline extends Region {

    private static final double ROW = 24;
    private static final double NAMES = 110;
    private static final Color[] COLORS = {Color.web("#8e7cc3"), Color.web("#6fa8dc"), Color.web("#e69138"), Color.web("#999999"),
        Color.web("#6aa84f"), Color.web("#45818e")};

    private final Messages m;
    private Launch launch;
    private ZoneId zone = ZoneId.systemDefault();
    private LocalDate today = LocalDate.now();
    private boolean dirty = true;
    private double builtWidth = -1;

    Timeline(Messages m) {
        this.m = m;
        setId("launch-timeline");
        setMinHeight(ROW * 2);
    }

    void show(Launch l, ZoneId zone, LocalDate today) {
        this.launch = l;
        this.zone = zone;
        this.today = today;
        int rows = l == null ? 0 : l.phases().size();
        setPrefHeight(ROW * (rows + 1) + 6);
        setMinHeight(getPrefHeight());
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (!dirty && getWidth() == builtWidth) {
            return; // built for this launch and width: rebuilding would ask for layout again
        }
        dirty = false;
        builtWidth = getWidth();
        getChildren().clear();
        if (launch == null || launch.phases().isEmpty()) {
            Text none = new Text(0, ROW - 6, m.get("launches.timeline.empty"));
            none.setFill(Color.GRAY);
            getChildren().add(none);
            return;
        }
        List<LaunchPhase> phases = launch.phases();
        LocalDate first = today;
        LocalDate last = today;
        for (LaunchPhase p : phases) {
            first = min(first, date(p.from()));
            first = min(first, date(p.to()));
            last = max(last, date(p.to()));
            last = max(last, date(p.from()));
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last) + 1);
        double width = Math.max(100, getWidth() - NAMES - 8);
        double perDay = width / days;
        for (int i = 0; i < phases.size(); i++) {
            LaunchPhase p = phases.get(i);
            double y = i * ROW + 2;
            Text name = new Text(0, y + ROW - 9, m.get("launches.kind." + p.kind().code()));
            getChildren().add(name);
            LocalDate from = p.from() == null ? first : date(p.from());
            LocalDate to = p.to() == null ? last : date(p.to());
            double x = NAMES + ChronoUnit.DAYS.between(first, from) * perDay;
            double w = Math.max(4, (ChronoUnit.DAYS.between(from, to) + 1) * perDay);
            Rectangle bar = new Rectangle(x, y + 2, w, ROW - 6);
            bar.setArcWidth(6);
            bar.setArcHeight(6);
            bar.setFill(COLORS[p.kind().ordinal() % COLORS.length]);
            bar.setOpacity(p.startedAt() != null ? 0.9 : 0.45);
            String dates = Cells.DAY.format(from) + " – " + Cells.DAY.format(to);
            Tooltip.install(bar, new Tooltip(m.get("launches.kind." + p.kind().code()) + " " + dates));
            Text label = new Text(x + 4, y + ROW - 9, from.getMonthValue() + "/" + from.getDayOfMonth() + "–" + to.getMonthValue() + "/"
                    + to.getDayOfMonth() + (p.startedAt() != null ? " ✓" : ""));
            label.setFill(Color.web("#1f1f1f"));
            label.setClip(new Rectangle(x, y, w, ROW));
            getChildren().addAll(bar, label);
        }
        double tx = NAMES + (ChronoUnit.DAYS.between(first, today) + 0.5) * perDay;
        double bottom = phases.size() * ROW + 2;
        Line now = new Line(tx, 0, tx, bottom);
        now.setStroke(Color.RED);
        now.setStrokeWidth(2);
        Text todayText = new Text(Math.min(tx - 12, getWidth() - 60), bottom + ROW - 8, m.get("launches.timeline.today") + " "
                + today.getMonthValue() + "/" + today.getDayOfMonth());
        todayText.setId("launch-timeline-today");
        todayText.setFill(Color.RED);
        getChildren().addAll(now, todayText);
    }

    private LocalDate date(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toLocalDate();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
