package com.fankeep.ui.privacy;

import com.fankeep.core.privacy.ErasedInBackups;
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
 * thread, then hands the result to the caller (e.g. to close the profile and refresh the list). When there are
 * backups, it then offers to erase the customer from them too (a cancellable job in the task panel).
 */
public final class EraseCustomerAction {

    private final ErasureService erasure;
    private final ErasedInBackups inBackups;
    private final UiTasks tasks;
    private final Dialogs dialogs;
    private final Supplier<Messages> messages;

    public EraseCustomerAction(ErasureService erasure, ErasedInBackups inBackups, UiTasks tasks, Dialogs dialogs,
                               Supplier<Messages> messages) {
        this.erasure = erasure;
        this.inBackups = inBackups;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    public void erase(long customerId, Consumer<ErasureResult> onErased) {
        Messages m = messages.get();
        dialogs.confirm(m.get("privacy.erase.title"), m.get("privacy.erase.message"), m.get("privacy.erase.action"),
                m.get("privacy.erase.keep")).thenAccept(yes -> {
                    if (yes) {
                        tasks.call(() -> erasure.erase(customerId, ErasureReason.REQUEST), result -> {
                            onErased.accept(result);
                            if (!result.alreadyErased()) {
                                offerBackups();
                            }
                        });
                    }
                });
    }

    /** Asks whether to erase from the backups too; nothing is asked when there are none. */
    void offerBackups() {
        tasks.call(inBackups::backupCount, count -> {
            if (count == 0) {
                return;
            }
            Messages m = messages.get();
            dialogs.confirm(m.get("purge.offer.title"), m.get("purge.offer.message", count), m.get("purge.offer.action"),
                    m.get("purge.offer.keep")).thenAccept(yes -> {
                        if (yes) {
                            tasks.job(m.get("purge.offer.working"), inBackups::purge, this::reportFailures);
                        }
                    });
        });
    }

    private void reportFailures(ErasedInBackups.Report report) {
        if (!report.failed().isEmpty()) {
            Messages m = messages.get();
            dialogs.showError(m.get("purge.offer.title"), m.get("purge.offer.failed", String.join("\n", report.failed())), null);
        }
    }
}
