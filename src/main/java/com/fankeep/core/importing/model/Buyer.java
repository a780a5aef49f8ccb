package com.fankeep.core.importing.model;

import java.util.List;

/**
 * Who bought, as the export tells it. Identity keys in order of trust: platform + account, mobile, email.
 *
 * @param account     the buyer's account/nickname on the platform (买家会员名, Buyer Username…), or null
 * @param accountName the name to show for {@code account} when the account is a number the owner does not know
 *                    (Etsy's Buyer User ID, shown as its Buyer username), or null to show the account itself
 * @param phones      phone numbers as written (normalized later; masked ones are kept but never merge people)
 * @param countryCode ISO country for reading phones ("US" for a Shopify buyer in the US), or null for China
 */
public record Buyer(String account, String name, List<String> phones, String email, String wechat, String qq,
                    String countryCode, String accountName) {

    public Buyer(String account, String name, List<String> phones, String email, String wechat, String qq,
                 String countryCode) {
        this(account, name, phones, email, wechat, qq, countryCode, null);
    }

    public Buyer {
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    public boolean isEmpty() {
        return account == null && name == null && phones.isEmpty() && email == null && wechat == null && qq == null;
    }
}
