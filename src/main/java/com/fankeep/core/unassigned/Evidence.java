package com.fankeep.core.unassigned;

import com.fankeep.core.shared.Messages;
import java.util.List;

/**
 * One reason a known customer may be the masked buyer: a code ({@code phone_tail}, {@code phone_head},
 * {@code surname}, {@code district}, {@code city}, {@code item}) and what matched; shown as
 * {@code orders.unassigned.evidence.<code>}.
 */
public record Evidence(String code, String value) {

    /** The reasons in the owner's words, listed as their language lists ("last digits 1234, surname 王"; "尾号 1234、同姓 王"). */
    public static String text(Messages m, List<Evidence> list) {
        return m.list(list.stream().map(e -> m.get("orders.unassigned.evidence." + e.code(), e.value())).toList());
    }
}
