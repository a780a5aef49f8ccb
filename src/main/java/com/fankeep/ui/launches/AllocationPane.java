package com.fankeep.ui.launches;

import atlantafx.base.theme.Styles;
import com.fankeep.core.launch.AllocationPolicy;
import com.fankeep.core.launch.AllocationRun;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Shown;
import com.fankeep.ui.common.Tables;
import com.fankeep.ui.launches.LaunchesViewModel.AllocationRow;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The fair allocation: a policy, Preview (each fan's result and reason from core), Commit, and cancel a fan's allocation. */
final class AllocationPane {

    private final VBox root;

    AllocationPane(LaunchesViewModel vm, Messages m) {
        ComboBox<AllocationPolicy> policy = new ComboBox<>(FXCollections.observableArrayList(AllocationPolicy.values()));
        policy.setId("launch-alloc-policy");
        policy.setValue(AllocationPolicy.TIER_TIME);
        policy.setConverter(Shown.as(p -> m.get("launches.policy." + p.cli())));
        TextField seed = LaunchForm.field("launch-alloc-seed");
        seed.setPromptText(m.get("launches.alloc.seedPrompt"));
        seed.setPrefWidth(150);
        CheckBox weighted = new CheckBox(m.get("launches.alloc.weighted"));
        weighted.setId("launch-alloc-weighted");
        seed.disableProperty().bind(policy.valueProperty().isNotEqualTo(AllocationPolicy.LOTTERY));
        weighted.disableProperty().bind(seed.disableProperty());
        Button preview = new Button(m.get("launches.alloc.preview"));
        preview.setId("launch-alloc-preview");
        preview.setOnAction(e -> {
            try {
                Long s = policy.getValue() == AllocationPolicy.LOTTERY && !seed.getText().isBlank() ? Long.valueOf(seed.getText().strip()) : null;
                vm.preview(policy.getValue(), s, policy.getValue() == AllocationPolicy.LOTTERY && weighted.isSelected());
            } catch (NumberFormatException bad) {
                vm.showError(m.get("launches.badNumber"));
            }
        });
        Button commit = new Button(m.get("launches.alloc.commit"));
        commit.setId("launch-alloc-commit");
        commit.getStyleClass().add(Styles.ACCENT);
        commit.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.runProperty().get() == null
                || vm.runProperty().get().committed(), vm.runProperty()));
        commit.setOnAction(e -> vm.commit());
        vm.runProperty().addListener((o, was, r) -> {
            if (r != null && r.rules().policy() == AllocationPolicy.LOTTERY) {
                seed.setText(Long.toString(r.rules().seed())); // shown, and recorded on commit
            }
        });
        HBox controls = LaunchesView.row(new Label(m.get("launches.alloc.policy")), policy, seed, weighted, preview, commit);

        Label summary = new Label();
        summary.setId("launch-alloc-summary");
        summary.setWrapText(true);
        Runnable sum = () -> summary.setText(summary(vm, m));
        vm.runProperty().addListener((o, was, r) -> sum.run());
        vm.allocation().addListener((javafx.collections.ListChangeListener<AllocationRow>) c -> sum.run());
        vm.launchProperty().addListener((o, was, r) -> sum.run());
        sum.run();

        TableView<AllocationRow> table = new TableView<>(vm.allocation());
        table.setId("launch-alloc-table");
        table.setPlaceholder(new Label(m.get("launches.alloc.none")));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.customer"), AllocationRow::name), "王铁柱王铁柱"));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.tier"), r -> m.get("launch.tier." + (r.tier() == null ? "none"
                : r.tier()))), "Iron fan"));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.requested"), r -> Integer.toString(r.requested())), "99"));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.allocated"), r -> Integer.toString(r.allocated())), "99"));
        table.getColumns().add(Tables.fixed(Cells.column(m.get("launches.col.waitlist"), r -> Cells.number(r.waitlistPosition())), "99"));
        table.getColumns().add(Tables.flexible(wrapping(Cells.column(m.get("launches.col.reason"), AllocationRow::reason)), 200, 400));
        Tables.fit(table, "launch-alloc");
        VBox.setVgrow(table, Priority.ALWAYS);

        Button cancel = new Button(m.get("launches.alloc.cancel"));
        cancel.setId("launch-alloc-cancel");
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> table.getSelectionModel().getSelectedItem() == null
                || vm.runProperty().get() != null && !vm.runProperty().get().committed()
                || vm.reportProperty().get() == null || vm.reportProperty().get().allocationPolicy() == null,
                table.getSelectionModel().selectedItemProperty(), vm.runProperty(), vm.reportProperty()));
        cancel.setOnAction(e -> {
            AllocationRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                vm.cancel(r.customerId(), r.name());
            }
        });
        Label cancelHint = new Label(m.get("launches.alloc.cancelHint"));
        cancelHint.getStyleClass().add(Styles.TEXT_MUTED);
        cancelHint.setWrapText(true);
        cancelHint.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(cancelHint, Priority.ALWAYS);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(8, cancel, cancelHint);
        bottom.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(8, controls, summary, table, bottom);
    }

    private static String summary(LaunchesViewModel vm, Messages m) {
        AllocationRun r = vm.runProperty().get();
        int total = vm.allocation().stream().mapToInt(AllocationRow::allocated).sum();
        var l = vm.launchProperty().get();
        Integer quota = l == null ? null : l.phase(com.fankeep.core.launch.PhaseKind.FIRST_BATCH).map(p -> p.quota()).orElse(null);
        String q = quota == null ? "–" : quota.toString();
        if (r == null) {
            var rep = vm.reportProperty().get();
            if (rep == null || rep.allocationPolicy() == null) {
                return m.get("launches.alloc.notYet", q);
            }
            String policy = m.get("launches.policy." + rep.allocationPolicy());
            return AllocationPolicy.LOTTERY.cli().equals(rep.allocationPolicy())
                    ? m.get("launches.alloc.summaryCommitted", total, q, policy, String.valueOf(rep.allocationSeed()))
                    : m.get("launches.alloc.summaryCommittedNoSeed", total, q, policy);
        }
        String policy = m.get("launches.policy." + r.rules().policy().cli());
        if (r.rules().policy() != AllocationPolicy.LOTTERY) { // the seed only matters to a lottery
            return m.get(r.committed() ? "launches.alloc.summaryCommittedNoSeed" : "launches.alloc.summaryPreviewNoSeed", total, q, policy);
        }
        return m.get(r.committed() ? "launches.alloc.summaryCommitted" : "launches.alloc.summaryPreview", total, q, policy, Long.toString(r.rules().seed()));
    }

    /** The reason in full on as many lines as it needs (it is the point of the table). */
    private static TableColumn<AllocationRow, String> wrapping(TableColumn<AllocationRow, String> c) {
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setWrapText(true);
            }
        });
        return c;
    }

    Node node() {
        return root;
    }
}
