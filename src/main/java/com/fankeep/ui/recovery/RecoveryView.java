package com.fankeep.ui.recovery;

import atlantafx.base.theme.Styles;
import com.fankeep.core.recovery.RecoveryBoard;
import com.fankeep.core.recovery.RecoveryCustomer;
import com.fankeep.core.recovery.RecoveryState;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.EmptyState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignQ;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * Win back old customers (老客户寻回): a board with a column per state — lapsed, to contact, contacted, added on
 * WeChat/QQ, buying again — the most valuable first. People move by the button under a column or by dragging them
 * onto another column; a selection goes to the phone's address book as vCards.
 */
public final class RecoveryView {

    public static final Ikon ICON = MaterialDesignA.ACCOUNT_REACTIVATE_OUTLINE;
    static final String DRAG_PREFIX = "fankeep-recovery:";

    private final RecoveryViewModel vm;
    private final Messages m;
    private final Runnable importOrders;
    private final StackPane root = new StackPane();
    private final List<ListView<RecoveryCustomer>> lists = new ArrayList<>();

    /** @param importOrders the next step the empty page offers */
    public RecoveryView(RecoveryViewModel vm, Messages m, Runnable importOrders) {
        this.vm = vm;
        this.m = m;
        this.importOrders = importOrders;
        root.getProperties().put(RecoveryView.class, (javafx.beans.InvalidationListener) o -> show(vm.boardProperty().get()));
        vm.boardProperty().addListener(new javafx.beans.WeakInvalidationListener(
                (javafx.beans.InvalidationListener) root.getProperties().get(RecoveryView.class)));
        show(vm.boardProperty().get());
        vm.refresh();
    }

    private void show(RecoveryBoard board) {
        if (board == null) {
            root.getChildren().setAll(new Region());
        } else if (board.counts().values().stream().allMatch(n -> n == 0)) {
            root.getChildren().setAll(new EmptyState(ICON, m.get("recovery.empty.title"), m.get("recovery.empty.body"))
                    .action(m.get("recovery.empty.action"), importOrders).node());
        } else {
            root.getChildren().setAll(page(board));
        }
    }

    private Node page(RecoveryBoard board) {
        Label title = new Label(m.get("recovery.title"));
        title.setId("recovery-title");
        title.getStyleClass().add(Styles.TITLE_3);
        Spinner<Integer> days = new Spinner<>(1, 3650, board.lapseDays(), 30);
        days.setMinWidth(Region.USE_PREF_SIZE);
        days.setId("recovery-lapse-days");
        days.setEditable(true);
        days.setPrefWidth(96);
        Button apply = new Button(m.get("recovery.lapseDays.apply"));
        apply.setOnAction(e -> vm.setLapseDays(days.getValue()));
        Spinner<Integer> batch = new Spinner<>(10, 1000, vm.batchSizeProperty().get(), 10);
        batch.setId("recovery-batch-size");
        batch.setEditable(true);
        batch.setPrefWidth(88);
        batch.valueProperty().addListener((o, was, now) -> vm.batchSizeProperty().set(now));
        Button export = new Button(m.get("recovery.vcard.export"), new FontIcon(MaterialDesignC.CELLPHONE_ARROW_DOWN));
        export.setId("recovery-export-vcard");
        export.getStyleClass().add(Styles.ACCENT);
        export.setOnAction(e -> vm.exportVcards(selected()));
        // a bar that wraps when narrow: the title, the lapse setting and the export never cut or run off the window
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox lapse = group(new Label(m.get("recovery.lapseDays")), days, apply);
        HBox exporting = group(new Label(m.get("recovery.vcard.batch")), batch, export);
        // one row at 1366×768 in either language (ScreenshotTour / LayoutAppTest): short labels, 16 px between the groups
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(16, 8, title, lapse, exporting);
        header.setAlignment(Pos.CENTER_LEFT);

        // the confirmation has its own line from the start, so the board does not move down when it appears
        Label notice = new Label();
        notice.setId("recovery-notice");
        notice.getStyleClass().add("recovery-status");
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(vm.noticeProperty());
        notice.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new javafx.scene.control.Tooltip(vm.noticeProperty().get()), vm.noticeProperty()));

        // one grid, so the lists and the buttons under them line up across the columns even when a button wraps
        GridPane columns = new GridPane();
        columns.setHgap(10);
        columns.setVgap(6);
        lists.clear();
        RecoveryState[] states = RecoveryState.values();
        boolean anyMore = Arrays.stream(states).anyMatch(s -> board.columns().get(s).size() < board.counts().get(s));
        for (int i = 0; i < states.length; i++) {
            column(columns, i, anyMore, board, states[i], i + 1 < states.length ? states[i + 1] : null);
            // the columns share the width evenly, however full each one is
            ColumnConstraints share = new ColumnConstraints(0, 200, Double.MAX_VALUE);
            share.setPercentWidth(100.0 / states.length);
            share.setHgrow(Priority.ALWAYS);
            columns.getColumnConstraints().add(share);
        }
        RowConstraints heading = new RowConstraints();
        RowConstraints list = new RowConstraints();
        list.setVgrow(Priority.ALWAYS);
        columns.getRowConstraints().addAll(heading, list);
        VBox.setVgrow(columns, Priority.ALWAYS);
        Label hint = new Label(m.get("recovery.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // its two lines in English, not one cut line
        VBox page = new VBox(10, header, hint, notice, columns);
        page.getStyleClass().add("recovery-page");
        return page;
    }

    /** Column {@code col} of the board: heading, list, then "more", Open and Move on rows of their own. */
    private void column(GridPane grid, int col, boolean anyMore, RecoveryBoard board, RecoveryState state, RecoveryState next) {
        int count = board.counts().get(state);
        List<RecoveryCustomer> shown = board.columns().get(state);
        Label heading = new Label(m.get("recovery.state." + state.code()) + " · " + count);
        heading.setId("recovery-count-" + state.code());
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        ListView<RecoveryCustomer> list = new ListView<>(javafx.collections.FXCollections.observableArrayList(shown));
        list.setId("recovery-list-" + state.code());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new CustomerCell());
        // a card opens the customer's profile: double-click, Enter, or the Open button under the column
        list.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null && openCustomer != null) {
                openCustomer.accept(list.getSelectionModel().getSelectedItem().id());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null
                    && openCustomer != null) {
                openCustomer.accept(list.getSelectionModel().getSelectedItem().id());
            }
        });
        list.setPlaceholder(new Label(m.get("recovery.column.empty")));
        lists.add(list);

        list.setOnDragDetected(e -> {
            List<RecoveryCustomer> picked = list.getSelectionModel().getSelectedItems();
            if (picked.isEmpty()) {
                return;
            }
            Dragboard db = list.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + picked.stream().map(c -> Long.toString(c.id())).collect(Collectors.joining(",")));
            db.setContent(content);
            e.consume();
        });
        list.setOnDragOver(e -> {
            if (e.getGestureSource() != list && e.getDragboard().hasString() && e.getDragboard().getString().startsWith(DRAG_PREFIX)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        list.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasString() && e.getDragboard().getString().startsWith(DRAG_PREFIX);
            if (ok) {
                vm.move(ids(e.getDragboard().getString()), state);
            }
            e.setDropCompleted(ok);
            e.consume();
        });

        list.setMinWidth(0);
        grid.add(heading, col, 0);
        grid.add(list, col, 1);
        int row = 2;
        if (anyMore) {
            if (shown.size() < count) {
                Label more = new Label(m.get("recovery.column.more", shown.size(), count));
                more.getStyleClass().add(Styles.TEXT_MUTED);
                more.setWrapText(true);
                grid.add(more, col, row);
            }
            row++;
        }
        if (openCustomer != null) {
            Button open = new Button(m.get("recovery.open"), new FontIcon(MaterialDesignA.ACCOUNT_DETAILS_OUTLINE));
            open.setId("recovery-open-" + state.code());
            open.setMaxWidth(Double.MAX_VALUE);
            open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
            open.setOnAction(e -> openCustomer.accept(list.getSelectionModel().getSelectedItem().id()));
            grid.add(open, col, row++);
        }
        if (next != null) {
            Button move = new Button(m.get("recovery.moveTo", m.get("recovery.state." + next.code())));
            move.setId("recovery-move-" + state.code());
            move.setMaxWidth(Double.MAX_VALUE);
            move.setMaxHeight(Double.MAX_VALUE); // as tall as the row: the same height as a neighbour that wraps
            move.setWrapText(true); // "Move to Added on WeChat/QQ →" on two lines in a narrow column, not cut
            move.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(list.getSelectionModel().getSelectedItems()));
            move.setOnAction(e -> vm.move(list.getSelectionModel().getSelectedItems().stream().map(RecoveryCustomer::id).toList(), next));
            grid.add(move, col, row);
        }
    }

    private static Label wrapping(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static List<Long> ids(String dragged) {
        return Arrays.stream(dragged.substring(DRAG_PREFIX.length()).split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
    }

    private List<Long> selected() {
        List<Long> ids = new ArrayList<>();
        for (ListView<RecoveryCustomer> l : lists) {
            l.getSelectionModel().getSelectedItems().forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    public Node node() {
        return root;
    }

    /** Lets a card open the customer's profile. */
    public RecoveryView withOpen(java.util.function.LongConsumer open) {
        this.openCustomer = open;
        show(vm.boardProperty().get());
        return this;
    }

    private java.util.function.LongConsumer openCustomer;

    private static HBox group(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        for (Node n : nodes) {
            if (n instanceof Label || n instanceof Button) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return box;
    }

    private final class CustomerCell extends ListCell<RecoveryCustomer> {

        @Override
        protected void updateItem(RecoveryCustomer c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = wrapping(new Label((c.name() == null ? "—" : c.name()) + (c.city() == null ? "" : " · " + c.city())));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            // short lines, so a card in a narrow column does not wrap
            Label figures = wrapping(new Label(m.get("recovery.card.orders", c.orderCount(),
                    c.lastOrderAt() == null ? "—" : c.lastOrderAt().toLocalDate().toString())));
            figures.getStyleClass().add(Styles.TEXT_SMALL);
            Label spend = wrapping(new Label(c.spendText().isEmpty() ? "—" : c.spendText()));
            spend.getStyleClass().add(Styles.TEXT_SMALL);
            VBox box = new VBox(1, name, figures, spend);
            RecoveryCustomer.Contacts k = c.contacts();
            if (k.phone() != null) {
                // a masked number (138****8012) is shown as such and marked: it cannot be called
                Label phone = wrapping(new Label(k.phoneMasked() ? m.get("recovery.card.masked", k.phone()) : PhoneText.of(k.phone()),
                        new FontIcon(k.phoneMasked() ? MaterialDesignP.PHONE_OFF_OUTLINE : MaterialDesignP.PHONE_OUTLINE)));
                phone.getStyleClass().addAll(Styles.TEXT_SMALL, "recovery-card-phone");
                phone.setId(k.phoneMasked() ? null : "recovery-card-phone");
                if (k.phoneMasked()) {
                    phone.setTooltip(new javafx.scene.control.Tooltip(m.get("recovery.card.maskedHint")));
                }
                box.getChildren().add(phone);
            } else {
                Label noPhone = wrapping(new Label(m.get("recovery.noPhone")));
                noPhone.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                box.getChildren().add(noPhone);
            }
            if (k.wechat() != null) {
                Label wechat = wrapping(new Label(m.get("recovery.card.wechat", k.wechat()), new FontIcon(MaterialDesignW.WECHAT)));
                wechat.getStyleClass().addAll(Styles.TEXT_SMALL, "recovery-card-chat");
                box.getChildren().add(wechat);
            }
            if (k.qq() != null) {
                Label qq = wrapping(new Label(m.get("recovery.card.qq", k.qq()), new FontIcon(MaterialDesignQ.QQCHAT)));
                qq.getStyleClass().addAll(Styles.TEXT_SMALL, "recovery-card-chat");
                box.getChildren().add(qq);
            }
            // as wide as the column, never wider (no horizontal scroll bar): the lines wrap instead
            box.prefWidthProperty().bind(getListView().widthProperty().subtract(36));
            box.setMaxWidth(Region.USE_PREF_SIZE);
            setText(null);
            setGraphic(box);
        }
    }
}
