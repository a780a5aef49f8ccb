package com.fankeep.ui.dashboard;

import com.fankeep.core.insight.AggregateService;
import com.fankeep.core.insight.ChartData;
import com.fankeep.core.insight.Dashboard;
import com.fankeep.core.insight.DashboardQuery;
import com.fankeep.core.insight.DashboardService;
import com.fankeep.core.insight.DashboardWorkbook;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.FileType;
import com.fankeep.ui.common.UiTasks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard page's state: the period and platform, the figures and the charts' data, filled in the background
 * (figures first, then charts); a newer request wins over one still running. After the first load the aggregates are
 * checked against the orders and rebuilt (a job with progress, then the page reloads) when a change was committed
 * without its refresh.
 */
public final class DashboardViewModel {

    /** The period picker's choices. */
    public enum Period { LAST_30, THIS_MONTH, LAST_90, LAST_365, THIS_YEAR, CUSTOM }

    private final DashboardService dashboard;
    private final AggregateService aggregates;
    private final UiTasks tasks;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.LAST_30);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>();
    private final StringProperty platform = new SimpleStringProperty();
    private final ObjectProperty<Dashboard> figures = new SimpleObjectProperty<>();
    private final ObservableList<ChartData> charts = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private Consumer<String> openRule = rule -> { };
    private Consumer<ChartData.Link> openLink = link -> { };
    private long generation;
    private boolean checked;

    public DashboardViewModel(DashboardService dashboard, AggregateService aggregates, UiTasks tasks, Dialogs dialogs,
                              Supplier<Messages> messages) {
        this.dashboard = dashboard;
        this.aggregates = aggregates;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** Where a clicked figure or bar goes: the Customers page filtered by this rule ("" = everyone). */
    public void useOpenRule(Consumer<String> openRule) {
        this.openRule = openRule;
    }

    public void open(String rule) {
        if (rule != null) {
            openRule.accept(rule);
        }
    }

    /** Where a campaign's or launch's bar goes: its page. */
    public void useOpenLink(Consumer<ChartData.Link> openLink) {
        this.openLink = openLink;
    }

    /** A clicked bar: the customers behind it when a rule names them, else the page it links to. */
    public void open(ChartData.Row row) {
        if (row.rule() != null) {
            openRule.accept(row.rule());
        } else if (row.link() != null) {
            openLink.accept(row.link());
        }
    }

    /**
     * Shows the page at once from the aggregates; the first time, once the page is filled, checks them (cheap when the
     * last clean close noted them current, else a full pass over the orders, ADR 0037) and rebuilds them if a change was
     * committed without its refresh; then reads ahead the month sets a change to 365 days needs.
     */
    public void start() {
        chartsShown = null;
        if (checked) {
            load();
            return;
        }
        checked = true;
        afterLoad = this::checkAggregates;
        load();
    }

    private Runnable afterLoad = () -> { };
    /** The first check found the aggregates current: from then on every load reads ahead. */
    private boolean checkedCurrent;

    /** Reads ahead, in the background, the month sets a change to 365 days needs (ADR 0037); nothing when they are kept. */
    private void readAhead(DashboardQuery q) {
        if (q != null && checkedCurrent) {
            tasks.behind(() -> {
                dashboard.warmUp(q.to(), q.platform());
                return true;
            }, done -> { });
        }
    }
    /** The end day and platform of the charts shown: the charts depend on nothing else of the period. */
    private String chartsShown;

    private void checkAggregates() {
        tasks.behind(aggregates::openCheck, current -> {
            if (current) {
                checkedCurrent = true;
                readAhead(query());
            } else {
                status.set(messages.get().get("dashboard.rebuilding"));
                tasks.job(messages.get().get("dashboard.rebuilding"), (progress, cancel) -> {
                    aggregates.rebuildAll(progress, cancel);
                    return true;
                }, done -> {
                    checkedCurrent = true;
                    chartsShown = null;
                    load();
                });
            }
        });
    }

    /**
     * Counts the figures and the charts of the chosen period in the background, side by side (ADR 0046). The charts
     * (months up to the period's end, places, funnel, outcomes) are read again only when the period's end or the
     * platform changed: going from 30 to 90 days re-reads the figures alone.
     */
    public void load() {
        DashboardQuery q = query();
        if (q == null) {
            return;
        }
        long mine = ++generation;
        String chartsKey = q.to() + "|" + q.platform();
        boolean chartsToo = !chartsKey.equals(chartsShown);
        busy.set(true);
        status.set(messages.get().get("dashboard.loadingFigures"));
        int[] left = {chartsToo ? 2 : 1}; // results still to come (touched on the FX thread only)
        Runnable arrived = () -> {
            if (--left[0] > 0) {
                return;
            }
            busy.set(false);
            status.set(messages.get().get("dashboard.ready", q.from(), q.to(), q.previousFrom(), q.previousTo()));
            if (chartsToo) {
                Runnable then = afterLoad;
                afterLoad = () -> { };
                then.run();
            }
            readAhead(q);
        };
        tasks.report(() -> dashboard.figures(q), d -> {
            if (mine != generation) {
                return;
            }
            figures.set(d);
            if (left[0] > 1) {
                status.set(messages.get().get("dashboard.loadingCharts"));
            }
            arrived.run();
        }, this::failed);
        if (chartsToo) {
            tasks.report(() -> {
                List<ChartData> all = new java.util.ArrayList<>(dashboard.charts(q));
                all.addAll(dashboard.outcomes());
                return all;
            }, all -> {
                if (mine != generation) {
                    return;
                }
                charts.setAll(all);
                chartsShown = chartsKey;
                arrived.run();
            }, this::failed);
        }
    }

    private void failed(Throwable e) {
        busy.set(false);
        status.set(messages.get().get("dashboard.failed", e.getMessage()));
    }

    /** The query of the chosen period; null for a custom period not yet complete. */
    public DashboardQuery query() {
        LocalDate today = dashboard.today();
        String p = platform.get();
        return switch (period.get()) {
            case LAST_30 -> DashboardQuery.lastDays(today, 30, p);
            case LAST_90 -> DashboardQuery.lastDays(today, 90, p);
            case LAST_365 -> DashboardQuery.lastDays(today, 365, p);
            case THIS_MONTH -> new DashboardQuery(today.withDayOfMonth(1), today, p);
            case THIS_YEAR -> new DashboardQuery(today.withDayOfYear(1), today, p);
            case CUSTOM -> customFrom.get() == null || customTo.get() == null || customFrom.get().isAfter(customTo.get()) ? null
                    : new DashboardQuery(customFrom.get(), customTo.get(), p);
        };
    }

    /** Saves one chart's data as a workbook (the file chooser on the FX thread, the writing in the background). */
    public void exportChart(ChartData chart) {
        Messages m = messages.get();
        Path out = dialogs.chooseFileToSave(m.get("dashboard.exportXlsx"), chart.key() + ".xlsx", new FileType("Excel", List.of("*.xlsx")));
        if (out != null) {
            tasks.call(() -> {
                DashboardWorkbook.writeChart(out, chart, m);
                return out;
            }, saved -> status.set(m.get("dashboard.saved", saved.getFileName())), this::failed);
        }
    }

    /** Saves every figure and chart's data as one workbook. */
    public void exportAll() {
        Messages m = messages.get();
        Dashboard d = figures.get();
        List<ChartData> c = List.copyOf(charts);
        if (d == null) {
            return;
        }
        Path out = dialogs.chooseFileToSave(m.get("dashboard.exportAll"), "fankeep-dashboard.xlsx", new FileType("Excel", List.of("*.xlsx")));
        if (out != null) {
            tasks.call(() -> {
                DashboardWorkbook.write(out, d, c, m);
                return out;
            }, saved -> status.set(m.get("dashboard.saved", saved.getFileName())), this::failed);
        }
    }

    /** Writes a picture already taken on the FX thread. */
    public void savePicture(String name, javafx.scene.image.WritableImage image) {
        Messages m = messages.get();
        Path out = dialogs.chooseFileToSave(m.get("dashboard.exportPng"), name + ".png", new FileType("PNG", List.of("*.png")));
        if (out != null) {
            java.awt.image.BufferedImage picture = javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
            tasks.call(() -> {
                javax.imageio.ImageIO.write(picture, "png", out.toFile());
                return out;
            }, saved -> status.set(m.get("dashboard.saved", saved.getFileName())), this::failed);
        }
    }

    public ObjectProperty<Period> period() {
        return period;
    }

    public ObjectProperty<LocalDate> customFrom() {
        return customFrom;
    }

    public ObjectProperty<LocalDate> customTo() {
        return customTo;
    }

    public StringProperty platform() {
        return platform;
    }

    public ObjectProperty<Dashboard> figures() {
        return figures;
    }

    public ObservableList<ChartData> charts() {
        return charts;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty busy() {
        return busy;
    }
}
