package com.fankeep.ui.launches;

import atlantafx.base.theme.Styles;
import com.fankeep.core.launch.PriceStats;
import com.fankeep.core.launch.VoteResults;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.CountAxis;
import com.fankeep.ui.common.Shown;
import com.fankeep.ui.common.Tables;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Warm-up: quick vote entry (search, choice, price guess, channel; Enter logs and clears for the next fan) and the
 * results: the split by tier and the guessed prices against the planned price.
 */
final class VotesPane {

    /** One tier's answers. */
    record TierRow(String tier, int want, int no, int other) {
    }

    private static final String OTHER = "other";
    private final VBox root;

    VotesPane(LaunchesViewModel vm, Messages m) {
        CustomerPicker picker = new CustomerPicker(vm, m, "launch-vote");
        ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList("want", "no", OTHER));
        choice.setId("launch-vote-choice");
        choice.setValue("want");
        choice.setConverter(Shown.as(c -> m.get("launches.vote." + c)));
        TextField other = LaunchForm.field("launch-vote-other");
        other.setPromptText(m.get("launches.vote.otherPrompt"));
        other.setPrefWidth(110);
        other.visibleProperty().bind(choice.valueProperty().isEqualTo(OTHER));
        other.managedProperty().bind(other.visibleProperty());
        TextField guess = LaunchForm.field("launch-vote-guess");
        guess.setPromptText(m.get("launches.vote.guess"));
        guess.setPrefWidth(110);
        ComboBox<String> channel = LaunchesView.channels(m, "launch-vote-channel");
        Button log = new Button(m.get("launches.vote.log"));
        log.setId("launch-vote-log");
        log.getStyleClass().add(Styles.ACCENT);
        log.disableProperty().bind(picker.who.valueProperty().isNull());
        Runnable submit = () -> {
            if (picker.value() == null) {
                return;
            }
            try {
                String c = OTHER.equals(choice.getValue()) ? other.getText() : choice.getValue();
                vm.vote(picker.value(), c, LaunchForm.decimal(guess), channel.getValue(), () -> {
                    guess.clear();
                    picker.reset();
                });
            } catch (NumberFormatException bad) {
                vm.showError(m.get("launches.badNumber"));
            }
        };
        log.setOnAction(e -> submit.run());
        guess.setOnAction(e -> submit.run());
        HBox.setHgrow(picker.query, Priority.ALWAYS);
        HBox entry = LaunchesView.row(picker.query, picker.who, choice, other, guess, channel, log);
        Label hint = new Label(m.get("launches.vote.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);

        TableView<TierRow> tiers = new TableView<>();
        tiers.setId("launch-vote-tiers");
        tiers.setPlaceholder(new Label(m.get("launches.vote.none")));
        tiers.getColumns().add(Cells.column(m.get("launches.col.tier"), r -> m.get("launch.tier." + r.tier())));
        tiers.getColumns().add(Cells.column(m.get("launches.vote.want"), r -> Integer.toString(r.want())));
        tiers.getColumns().add(Cells.column(m.get("launches.vote.no"), r -> Integer.toString(r.no())));
        tiers.getColumns().add(Cells.column(m.get("launches.vote.other"), r -> Integer.toString(r.other())));
        Tables.fit(tiers, "launch-vote-tiers");
        tiers.setPrefWidth(360);
        tiers.setMinWidth(360);

        Label stats = new Label();
        stats.setId("launch-vote-stats");
        stats.setWrapText(true);
        CategoryAxis x = new CategoryAxis();
        x.setLabel(m.get("launches.vote.histogramX"));
        NumberAxis y = CountAxis.make(); // whole fans: ticks at 1, 2, 3 rather than 0.25
        BarChart<String, Number> histogram = new BarChart<>(x, y);
        histogram.setId("launch-vote-histogram");
        histogram.setAnimated(false);
        histogram.setLegendVisible(true);
        histogram.setBarGap(0);
        histogram.setCategoryGap(2);
        histogram.setPrefHeight(260);
        VBox right = new VBox(6, stats, histogram);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox.setVgrow(histogram, Priority.ALWAYS);
        HBox results = new HBox(12, tiers, right);
        VBox.setVgrow(results, Priority.ALWAYS);

        java.util.function.Consumer<VoteResults> show = r -> {
            tiers.getItems().setAll(r == null ? List.of() : tierRows(r));
            stats.setText(r == null ? "" : statsText(r, m, vm));
            histogram.getData().setAll(r == null ? List.of() : series(r, m));
            CountAxis.fit(y, r == null ? 1 : maxCount(r.guesses().histogram()));
        };
        vm.votesProperty().addListener((o, was, r) -> show.accept(r));
        show.accept(vm.votesProperty().get()); // built anew with a launch chosen
        root = new VBox(8, entry, hint, results);
    }

    private static List<TierRow> tierRows(VoteResults r) {
        return r.byTier().entrySet().stream().map(e -> {
            Map<String, Integer> c = e.getValue();
            int want = c.getOrDefault("want", 0);
            int no = c.getOrDefault("no", 0);
            int all = c.values().stream().mapToInt(Integer::intValue).sum();
            return new TierRow(e.getKey(), want, no, all - want - no);
        }).toList();
    }

    private static String statsText(VoteResults r, Messages m, LaunchesViewModel vm) {
        String currency = vm.launchProperty().get() == null ? "CNY" : vm.launchProperty().get().currency();
        PriceStats s = r.guesses();
        String planned = r.plannedPrice() == null ? m.get("launches.vote.noPlanned") : Cells.money(r.plannedPrice(), currency);
        String head = counted(m, "launches.vote.summary", r.current().size(), r.current().size(), r.changed());
        if (s.count() == 0) {
            return head + "\n" + m.get("launches.vote.noGuesses", planned);
        }
        return head + "\n" + counted(m, "launches.vote.guesses", s.count(), s.count(), Cells.money(s.min(), currency),
                Cells.money(s.q1(), currency), Cells.money(s.median(), currency), Cells.money(s.q3(), currency),
                Cells.money(s.max(), currency), planned);
    }

    /** The text of {@code key}, or of {@code key.one} when {@code n} is 1 ("1 fan answered", not "1 fans answered"). */
    static String counted(Messages m, String key, long n, Object... args) {
        return m.get(n == 1 ? key + ".one" : key, args);
    }

    /** The guesses per price bin, and the planned price as a bar of its own in the bin it falls in. */
    private static List<XYChart.Series<String, Number>> series(VoteResults r, Messages m) {
        XYChart.Series<String, Number> guesses = new XYChart.Series<>();
        guesses.setName(m.get("launches.vote.histogram"));
        XYChart.Series<String, Number> planned = new XYChart.Series<>();
        planned.setName(m.get("launches.vote.planned"));
        BigDecimal p = r.plannedPrice();
        List<PriceStats.Bin> bins = r.guesses().histogram();
        for (int i = 0; i < bins.size(); i++) {
            PriceStats.Bin b = bins.get(i);
            String label = whole(b.from()) + "–" + whole(b.to());
            guesses.getData().add(new XYChart.Data<>(label, b.count()));
            boolean last = i == bins.size() - 1;
            boolean in = p != null && p.compareTo(b.from()) >= 0 && (last ? p.compareTo(b.to()) <= 0 : p.compareTo(b.to()) < 0);
            planned.getData().add(new XYChart.Data<>(label, in ? r.current().size() > 0 ? maxCount(bins) : 0 : 0));
        }
        if (p != null && !bins.isEmpty() && planned.getData().stream().allMatch(d -> d.getYValue().intValue() == 0)) {
            String outside = "★ " + p.stripTrailingZeros().toPlainString(); // outside the guesses: a category of its own
            guesses.getData().add(p.compareTo(bins.getFirst().from()) < 0 ? 0 : guesses.getData().size(), new XYChart.Data<>(outside, 0));
            planned.getData().add(new XYChart.Data<>(outside, maxCount(bins)));
        }
        return List.of(guesses, planned);
    }

    /** Bin edges said in whole units when the guesses span more than a few (145–156 reads better than 145–155.63). */
    private static String whole(BigDecimal v) {
        return v.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static int maxCount(List<PriceStats.Bin> bins) {
        return Math.max(1, bins.stream().mapToInt(PriceStats.Bin::count).max().orElse(1));
    }

    Node node() {
        return root;
    }
}
