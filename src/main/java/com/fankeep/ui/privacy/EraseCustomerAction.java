package com.fankeep.ui.privacy;

import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.privacy.ErasureResult;
import com.fankeep.core.privacy.ErasureService;
import com.fankeep.core.shared.Messages;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.UiTasks;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * "Erase this customer" for the customer profile: asks first (the safe button is the default), erases off the FX
 * thread, then hands the result to the caller (e.g. to close the profile and refresh the list).
 */
public final class EraseCustomerAction {

    private final ErasureService erasure;
    private final UiTasks tasks;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;

    public EraseCustomerAction(ErasureService erasure, UiTasks tasks, Dialogs dialogs, Supplier<Messages> messages) {
        this.erasure = erasure;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    public void erase(long customerId, Consumer<ErasureResult> onErased) {
        Messages m = messages.get();
        dialogs.confirm(m.get("privacy.erase.title"), m.get("privacy.erase.message"), m.get("privacy.erase.action"),
                m.get("privacy.erase.keep")).thenAccept(yes -> {
                    if (yes) {
                        tasks.call(() -> erasure.erase(customerId, ErasureReason.REQUEST), onErased);
                    }
                });
    }
}
