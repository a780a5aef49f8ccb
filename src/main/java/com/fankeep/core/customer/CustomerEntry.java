package com.fankeep.core.customer;

import java.util.List;

/**
 * What the search index knows of one live customer.
 *
 * @param phones  E.164 or raw phone values; masked ones ({@code 138****8012}) are searchable by their visible digits
 * @param handles WeChat, QQ, Weibo, Douyin ids and e-mail addresses
 */
public record CustomerEntry(long id, String name, List<String> nicknames, List<String> phones, List<String> handles) {

    public CustomerEntry {
        nicknames = nicknames == null ? List.of() : List.copyOf(nicknames);
        phones = phones == null ? List.of() : List.copyOf(phones);
        handles = handles == null ? List.of() : List.copyOf(handles);
    }
}
