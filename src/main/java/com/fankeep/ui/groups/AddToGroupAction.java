package com.fankeep.ui.groups;

import com.fankeep.core.group.AddPlan;
import com.fankeep.core.group.FanGroup;
import com.fankeep.core.group.GroupException;
import com.fankeep.core.group.GroupService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.Shown;
import com.fankeep.ui.common.UiTasks;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * "Add to a group" for a selection elsewhere (the Customers page's bulk actions): the same rules as on the Groups
 * page — past the capacity nothing is added and the reason shown; outside the group rule only after confirming.
 */
public final class AddToGroupAction {

    private final GroupService groups;
    private final UiTasks tasks;
    private final Dialogs dialogs;

    public AddToGroupAction(GroupService groups, UiTasks tasks, Dialogs dialogs) {
        this.groups = groups;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** A group chooser, a button and a result line; {@code none} disables the button when nothing is selected. */
    public Node node(Messages m, Supplier<List<Long>> selected, ObservableBooleanValue none) {
        ComboBox<FanGroup> group = new ComboBox<>();
        group.setId("bulk-group");
        group.setPromptText(m.get("groups.bulk.prompt"));
        group.setConverter(Shown.as(g -> g.name() + " · " + g.members() + (g.capacity() == null ? "" : "/" + g.capacity())));
        group.setOnShowing(e -> tasks.call(groups::list, list -> group.getItems().setAll(list)));
        Button add = new Button(m.get("groups.bulk.add"));
        add.setId("bulk-group-add");
        add.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> none.get() || group.getValue() == null, none, group.valueProperty()));
        Label result = new Label();
        result.setId("bulk-group-result");
        add.setOnAction(e -> add(m, group.getValue(), List.copyOf(selected.get()), result));
        HBox box = new HBox(6, group, add, result);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void add(Messages m, FanGroup g, List<Long> ids, Label result) {
        if (g == null || ids.isEmpty()) {
            return;
        }
        tasks.call(() -> groups.plan(g.id(), ids), plan -> {
            if (!plan.fits()) {
                result.setText(m.get("group.error.capacity", g.name(), g.capacity(), g.capacity() - plan.free(), plan.toAdd().size(), plan.free()));
            } else if (plan.notEligible().isEmpty()) {
                doAdd(m, g, ids, false, result);
            } else {
                confirm(m, g, ids, plan, result);
            }
        }, t -> result.setText(text(m, t)));
    }

    private void confirm(Messages m, FanGroup g, List<Long> ids, AddPlan plan, Label result) {
        dialogs.confirm(m.get("groups.exception.title"), m.get("groups.exception.message", plan.notEligible().size(),
                        g.eligibleSegment(), plan.toAdd().size()),
                m.get("groups.exception.action", plan.toAdd().size()), m.get("groups.exception.keep"))
                .thenAccept(yes -> {
                    if (yes) {
                        javafx.application.Platform.runLater(() -> doAdd(m, g, ids, true, result));
                    }
                });
    }

    private void doAdd(Messages m, FanGroup g, List<Long> ids, boolean confirmed, Label result) {
        tasks.call(() -> groups.add(g.id(), ids, confirmed),
                r -> result.setText(m.get("groups.added", r.added().size(), g.name(), r.exceptions().size())),
                t -> result.setText(text(m, t)));
    }

    private static String text(Messages m, Throwable t) {
        Throwable e = t.getCause() != null && !(t instanceof GroupException) ? t.getCause() : t;
        return e instanceof GroupException g ? m.get(g.key(), g.args()) : String.valueOf(e.getMessage());
    }
}
