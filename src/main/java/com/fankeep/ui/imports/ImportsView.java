package com.fankeep.ui.imports;

import atlantafx.base.theme.Styles;
import com.fankeep.core.importing.ImportBatch;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * Imports: before the first import, what FanKeep reads and two ways to start (choose files, load the sample shop);
 * afterwards the imported files, with their problems and undo.
 */
public final class ImportsView {

    public static final Ikon ICON = MaterialDesignT.TRAY_ARROW_DOWN;

    /** Bundle keys of the supported sources, in the order a Chinese shop owner meets them. */
    static final List<String> FORMAT_KEYS = List.of(
            "imports.format.taobao", "imports.format.jd", "imports.format.pinduoduo", "imports.format.youzan",
            "imports.format.douyin", "imports.format.shopify", "imports.format.woocommerce", "imports.format.etsy",
            "imports.format.ebay", "imports.format.vcard", "imports.format.any");

    private enum Content { LOADING, EMPTY, LIST }

    private final ImportsViewModel vm;
    private final Messages m;
    private final StackPane root = new StackPane();

    public ImportsView(ImportsViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        ObjectBinding<Content> content = Bindings.createObjectBinding(() -> !vm.loadedProperty().get() ? Content.LOADING
                : vm.batches().isEmpty() ? Content.EMPTY : Content.LIST, vm.loadedProperty(), vm.batches());
        // The binding follows the long-lived ViewModel weakly; the page keeps it (and so this listener) while shown.
        root.getProperties().put(ImportsView.class, content);
        content.addListener((o, was, now) -> show(now));
        show(content.get());
    }

    private void show(Content content) {
        root.getChildren().setAll(switch (content) {
            case LOADING -> new Region();
            case EMPTY -> emptyState();
            case LIST -> new BatchListView(vm, m).node();
        });
    }

    private Node emptyState() {
        return new EmptyState(ICON, m.get("imports.empty.title"), m.get("imports.empty.body"))
                .action(m.get("imports.chooseFiles"), vm::chooseFiles)
                .secondaryAction(m.get("imports.loadSample"), "load-sample-data", vm::loadSampleData)
                .disableActionsWhile(vm.flow().busyProperty())
                .extra(noticeLabel(vm, m))
                .extra(supportedFormats(m))
                .node();
    }

    /** The outcome of the last import or undo ("Import cancelled; nothing was stored."); hidden when there is none. */
    static Label noticeLabel(ImportsViewModel vm, Messages m) {
        Label notice = new Label("", new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        notice.setId("imports-notice");
        notice.getStyleClass().add("imports-notice");
        notice.setWrapText(true);
        vm.relocalize();
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }

    private static Node supportedFormats(Messages m) {
        Label heading = new Label(m.get("imports.supported"));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        FlowPane chips = new FlowPane(8, 8);
        chips.setAlignment(Pos.CENTER);
        chips.setMaxWidth(600);
        chips.setId("import-formats");
        for (String key : FORMAT_KEYS) {
            Label chip = new Label(m.get(key));
            chip.getStyleClass().add("format-chip");
            chips.getChildren().add(chip);
        }
        Label drop = new Label(m.get("imports.dropHint"), new FontIcon(MaterialDesignF.FILE_UPLOAD_OUTLINE));
        drop.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(10, heading, chips, drop);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("supported-formats");
        return box;
    }

    public Node node() {
        return root;
    }

    /** The page once files were imported: a header with "Choose files…", the table, and what to do with the selected file. */
    private static final class BatchListView {

        private final VBox page;

        BatchListView(ImportsViewModel vm, Messages m) {
            Label title = new Label(m.get("imports.list.title"));
            title.setId("imports-title");
            title.getStyleClass().add(Styles.TITLE_3);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button choose = new Button(m.get("imports.chooseFiles"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
            choose.setId("choose-files");
            choose.setMnemonicParsing(false);
            choose.getStyleClass().add(Styles.ACCENT);
            choose.setOnAction(e -> vm.chooseFiles());
            choose.disableProperty().bind(vm.flow().busyProperty());
            HBox header = new HBox(12, title, spacer, choose);
            header.setAlignment(Pos.CENTER_LEFT);

            Label hint = new Label(m.get("imports.list.hint"));
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            hint.setWrapText(true);

            TableView<ImportBatch> table = BatchTable.create(vm.batches(), new ImportTexts(m));
            VBox.setVgrow(table, Priority.ALWAYS);

            Button problems = new Button(m.get("imports.showProblems"), new FontIcon(MaterialDesignA.ALERT_OUTLINE));
            problems.setId("show-problems");
            problems.setMnemonicParsing(false);
            Button undo = new Button(m.get("imports.undo"), new FontIcon(MaterialDesignU.UNDO));
            undo.setId("undo-import");
            undo.setMnemonicParsing(false);
            var selected = table.getSelectionModel().selectedItemProperty();
            problems.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> selected.get() == null || selected.get().problems() == 0, selected));
            undo.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                    || !ImportsViewModel.BATCH_COMMITTED.equals(selected.get().status()), selected)
                    .or(vm.flow().busyProperty()));
            problems.setOnAction(e -> {
                ImportBatch batch = selected.get();
                vm.problems(batch, rows -> ProblemsDialog.show(table.getScene().getWindow(), vm, batch, rows, m));
            });
            undo.setOnAction(e -> {
                ImportBatch batch = selected.get();
                vm.undo(batch, () -> BatchTable.select(table, batch.id()));
            });
            Label selectHint = new Label(m.get("imports.list.selectHint"));
            selectHint.getStyleClass().add(Styles.TEXT_MUTED);
            selectHint.visibleProperty().bind(selected.isNull());
            HBox actions = new HBox(10, problems, undo, selectHint);
            actions.setAlignment(Pos.CENTER_LEFT);

            page = new VBox(12, header, hint, noticeLabel(vm, m), table, actions);
            if (vm.unassigned() != null) {
                page.getChildren().add(2, unassignedBar(vm.unassigned(), m, table));
            }
            page.getStyleClass().add("imports-page");
        }

        Node node() {
            return page;
        }

        /** "N orders without a customer  [Review…]", hidden when there are none. */
        private static Node unassignedBar(UnassignedOrdersModel model, Messages m, Node anchor) {
            Label count = new Label();
            count.setId("unassigned-count");
            count.setWrapText(true);
            count.textProperty().bind(Bindings.createStringBinding(
                    () -> m.get("orders.unassigned.count", model.countProperty().get()), model.countProperty()));
            Button review = new Button(m.get("orders.unassigned.review"), new FontIcon(MaterialDesignA.ACCOUNT_SEARCH_OUTLINE));
            review.setId("review-unassigned");
            review.setMnemonicParsing(false);
            review.setOnAction(e -> UnassignedOrdersDialog.show(anchor.getScene().getWindow(), model, m));
            HBox bar = new HBox(10, count, review);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.visibleProperty().bind(model.countProperty().greaterThan(0));
            bar.managedProperty().bind(bar.visibleProperty());
            model.refreshCount();
            return bar;
        }
    }
}
