package com.fankeep.ui.imports;

import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.RefusedException;
import com.fankeep.core.unassigned.BuyerGroup;
import com.fankeep.core.unassigned.UnassignedOrderService;
import com.fankeep.ui.common.UiTasks;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Imports page's orders without a customer: the count, the review list, attach, a new customer, undo (off the FX thread). */
public final class UnassignedOrdersModel {

    private final UnassignedOrderService service;
    private final UiTasks tasks;
    private final Supplier<Messages> messages;
    private final Runnable onDataChanged;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final ObservableList<BuyerGroup> groups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public UnassignedOrdersModel(UnassignedOrderService service, UiTasks tasks, Supplier<Messages> messages,
                                 Runnable onDataChanged) {
        this.service = service;
        this.tasks = tasks;
        this.messages = messages;
        this.onDataChanged = onDataChanged;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ObservableList<BuyerGroup> groups() {
        return groups;
    }

    /** The outcome of the last attach or undo, or "". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void refreshCount() {
        tasks.call(service::count, count::set);
    }

    public void loadGroups() {
        tasks.call(service::groups, this::show);
    }

    private void show(List<BuyerGroup> list) {
        groups.setAll(list);
        count.set(list.stream().mapToInt(g -> g.orders().size()).sum());
    }

    /** Attaches the group's orders to the customer the owner picked, then reloads the list. */
    public void attach(BuyerGroup group, long customerId) {
        List<String> refs = group.orders().stream().map(o -> o.platform() + ":" + o.orderNo()).toList();
        tasks.call(() -> {
            var r = service.assign(refs, customerId);
            return new Object[] {r, service.groups()};
        }, done -> {
            var r = (com.fankeep.core.unassigned.AssignResult) done[0];
            status.set(messages.get().get("orders.unassigned.assigned", r.orderNos().size(), Long.toString(r.customerId()),
                    messages.get().list(r.orderNos()), Long.toString(r.auditId())));
            @SuppressWarnings("unchecked")
            List<BuyerGroup> list = (List<BuyerGroup>) done[1];
            show(list);
            onDataChanged.run();
        }, this::refused);
    }

    /** Makes a new customer for the group (the name and phone the owner typed), attaches its orders, reloads the list. */
    public void createFor(BuyerGroup group, String name, String phone) {
        List<String> refs = group.orders().stream().map(o -> o.platform() + ":" + o.orderNo()).toList();
        tasks.call(() -> {
            var r = service.assignToNewCustomer(refs, name, phone);
            return new Object[] {r, service.groups()};
        }, done -> {
            var r = (com.fankeep.core.unassigned.AssignResult) done[0];
            status.set(messages.get().get("orders.unassigned.made", r.orderNos().size(), Long.toString(r.customerId()),
                    messages.get().list(r.orderNos()), Long.toString(r.auditId()), r.customerName()));
            @SuppressWarnings("unchecked")
            List<BuyerGroup> list = (List<BuyerGroup>) done[1];
            show(list);
            onDataChanged.run();
        }, this::refused);
    }

    public void undoLast() {
        tasks.call(() -> new Object[] {service.undoLast(), service.groups()}, done -> {
            var r = (java.util.Optional<?>) done[0];
            status.set(r.isEmpty() ? messages.get().get("orders.unassigned.nothingToUndo")
                    : messages.get().get("orders.unassigned.undone", ((com.fankeep.core.unassigned.AssignResult) r.get()).orderNos().size(),
                    Long.toString(((com.fankeep.core.unassigned.AssignResult) r.get()).customerId())));
            @SuppressWarnings("unchecked")
            List<BuyerGroup> list = (List<BuyerGroup>) done[1];
            show(list);
            onDataChanged.run();
        }, this::refused);
    }

    private void refused(Throwable e) {
        if (e instanceof RefusedException r) {
            status.set(r.localized(messages.get()));
        } else {
            status.set(String.valueOf(e.getMessage()));
        }
    }
}
