package com.fankeep.core.importing;

import com.fankeep.core.importing.identity.CustomerRef;
import com.fankeep.core.importing.identity.IdentityKey;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedContact;
import com.fankeep.core.shared.NormalizedPhone;
import com.fankeep.core.shared.PhoneNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The contact channels and identity keys an imported buyer or contact brings. */
final class Channels {

    /** A channel to store, and the key it is (null for channels that never identify anyone). */
    record Candidate(String kind, String platform, String raw, String normalized, boolean masked, IdentityKey key) {
    }

    private final List<Candidate> candidates = new ArrayList<>();
    // worked out once, when the channels are complete (on the reading thread, RowFeed): the writer asked for them
    // up to four times per row, each time a new list (JFR, 1M rows)
    private List<IdentityKey> keys;

    List<Candidate> candidates() {
        return candidates;
    }

    /** The distinct keys of the candidates, in their order (unmodifiable). */
    List<IdentityKey> keys() {
        return keys;
    }

    private Channels complete() {
        List<IdentityKey> found = new ArrayList<>(2);
        for (Candidate c : candidates) {
            if (c.key() != null && !found.contains(c.key())) {
                found.add(c.key());
            }
        }
        keys = java.util.Collections.unmodifiableList(found);
        return this;
    }

    static Channels of(String platform, Buyer buyer) {
        Channels ch = new Channels();
        if (buyer.account() != null) {
            ch.account("nickname", platform, buyer.account(), buyer.accountName());
        }
        if (buyer.wechat() != null) {
            ch.account("wechat", "wechat", buyer.wechat());
        }
        if (buyer.qq() != null) {
            ch.account("qq", "qq", buyer.qq());
        }
        for (String phone : buyer.phones()) {
            ch.phone(phone, buyer.countryCode());
        }
        if (buyer.email() != null) {
            ch.email(buyer.email());
        }
        // No address channel from orders: every order keeps its receiver address, so the customer's addresses are
        // there already; storing one more row per buyer would only slow a million-row import down.
        return ch.complete();
    }

    static Channels of(ImportedContact contact) {
        Channels ch = new Channels();
        for (String nick : contact.nicknames()) {
            int colon = nick.indexOf(':');
            if (colon > 0) {
                ch.account("nickname", nick.substring(0, colon), nick.substring(colon + 1));
            }
        }
        if (contact.wechat() != null) {
            ch.account("wechat", "wechat", contact.wechat());
        }
        if (contact.qq() != null) {
            ch.account("qq", "qq", contact.qq());
        }
        for (String cell : contact.phones()) {
            for (String phone : PhoneNormalizer.splitCell(cell)) {
                ch.phone(phone, contact.countryCode());
            }
        }
        for (String email : contact.emails()) {
            ch.email(email);
        }
        ch.address(contact.address());
        return ch.complete();
    }

    /** The key a stored channel stands for, or null (see ImportRepository#loadIdentityKeys). */
    static IdentityKey keyOf(String kind, String platform, String normalized) {
        return switch (kind) {
            case "phone" -> IdentityKey.mobile(normalized);
            case "nickname" -> platform == null ? null : IdentityKey.account(platform, normalized);
            case "wechat" -> IdentityKey.account("wechat", normalized);
            case "qq" -> IdentityKey.account("qq", normalized);
            case "email" -> IdentityKey.email(normalized);
            default -> null;
        };
    }

    /**
     * The stored channels, as (kind, normalized value), that {@link #keyOf} turns into this key: what looking the key
     * up asks for (ADR 0050). A platform account "p:v" is a nickname on platform p, and for WeChat and QQ also a
     * channel of that kind; each colon is tried as the split, and {@link #keyOf} then tells which rows are the key.
     */
    static List<String[]> storedForms(IdentityKey key) {
        return switch (key.kind()) {
            case MOBILE -> List.<String[]>of(new String[] {"phone", key.value()});
            case EMAIL -> List.<String[]>of(new String[] {"email", key.value()});
            case PLATFORM_ACCOUNT -> {
                List<String[]> forms = new ArrayList<>();
                String v = key.value();
                for (int colon = v.indexOf(':'); colon >= 0; colon = v.indexOf(':', colon + 1)) {
                    String platform = v.substring(0, colon);
                    String account = v.substring(colon + 1);
                    forms.add(new String[] {"nickname", account});
                    if (platform.equals("wechat") || platform.equals("qq")) {
                        forms.add(new String[] {platform, account});
                    }
                }
                yield forms;
            }
        };
    }

    private void account(String kind, String platform, String value) {
        account(kind, platform, value, null);
    }

    /** {@code shown}, when given, is what the owner sees; the key stays the account ({@link Buyer#accountName()}). */
    private void account(String kind, String platform, String value, String shown) {
        String v = value.trim();
        if (!v.isEmpty() && !v.contains("*")) {
            String raw = shown == null || shown.isBlank() ? value : shown.trim();
            add(new Candidate(kind, kind.equals("nickname") ? platform : null, raw, v, false, IdentityKey.account(platform, v)));
        }
    }

    private void phone(String value, String country) {
        NormalizedPhone p = PhoneNormalizer.normalize(value, country);
        if (p.raw() == null || p.raw().isEmpty()) {
            return;
        }
        String normalized = p.e164() != null ? p.e164() : p.raw();
        IdentityKey key = p.usableAsKey() ? IdentityKey.mobile(p.e164()) : null;
        add(new Candidate("phone", null, p.raw(), normalized, p.kind() == NormalizedPhone.Kind.MASKED, key));
    }

    private void email(String value) {
        String v = value.trim();
        if (v.contains("@") && !v.contains("*")) {
            add(new Candidate("email", null, v, v.toLowerCase(Locale.ROOT), false, IdentityKey.email(v)));
        }
    }

    private void address(Address a) {
        String line = a == null ? null : a.oneLine();
        if (line != null) {
            String zip = a.zip() == null ? "" : " " + a.zip();
            add(new Candidate("address", null, line + zip, line.replaceAll("\\s+", ""), line.contains("*"), null));
        }
    }

    private void add(Candidate c) {
        for (Candidate existing : candidates) {
            if (existing.kind().equals(c.kind()) && existing.normalized().equals(c.normalized())) {
                return;
            }
        }
        candidates.add(c);
    }

    /** The customer's first channel of each kind is its primary one. */
    static List<NewChannel> forNewCustomer(CustomerRef customer, Channels ch) {
        List<NewChannel> out = new ArrayList<>();
        List<String> kindsSeen = new ArrayList<>();
        for (Candidate c : ch.candidates) {
            boolean primary = !kindsSeen.contains(c.kind()) && !c.masked();
            if (primary) {
                kindsSeen.add(c.kind());
            }
            out.add(new NewChannel(customer, c.kind(), c.platform(), c.raw(), c.normalized(), primary, c.masked(), c.key() != null));
        }
        return out;
    }

    /** Channels for keys an existing customer did not have yet. */
    static List<NewChannel> forAddedKeys(CustomerRef customer, Channels ch, List<IdentityKey> added) {
        List<NewChannel> out = new ArrayList<>();
        for (Candidate c : ch.candidates) {
            if (c.key() != null && added.contains(c.key())) {
                out.add(new NewChannel(customer, c.kind(), c.platform(), c.raw(), c.normalized(), false, c.masked(), true));
            }
        }
        return out;
    }
}
