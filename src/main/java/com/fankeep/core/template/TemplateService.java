package com.fankeep.core.template;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.jooq.tables.records.CustomerRecord;
import com.fankeep.core.db.jooq.tables.records.ShopOrderRecord;
import com.fankeep.core.settings.SettingsService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Message templates: the bilingual built-ins the owner edits, their own ones, and the text for a given customer. */
public final class TemplateService {

    /** The locale code the built-in templates are stored under for texts in {@code locale}: zh_CN or en. */
    public static String templateLocale(java.util.Locale locale) {
        return locale.getLanguage().equals("zh") ? "zh_CN" : "en";
    }

    private final Database database;
    private final SettingsService settings;
    private final Clock clock;

    public TemplateService(Database database, SettingsService settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /** Built-ins in {@code locale} (zh_CN or en) and the owner's own; {@code locale} null lists every template. */
    public List<MessageTemplate> list(String locale) {
        return database.transactionResult(tx -> new TemplateRepository(tx).list(locale));
    }

    public Optional<MessageTemplate> find(long id) {
        return database.transactionResult(tx -> new TemplateRepository(tx).find(id));
    }

    public Optional<Long> builtinId(String code, String locale) {
        return database.transactionResult(tx -> new TemplateRepository(tx).builtinId(code, locale));
    }

    public MessageTemplate create(String name, String body) {
        check(name, body);
        return database.transactionResult(tx -> create(tx, name, body));
    }

    /** The same inside the caller's transaction (a campaign's announcement commits with its follow-ups). */
    public MessageTemplate create(org.jooq.DSLContext tx, String name, String body) {
        check(name, body);
        TemplateRepository repo = new TemplateRepository(tx);
        return repo.find(repo.insert(name.strip(), body, OffsetDateTime.now(clock))).orElseThrow();
    }

    public MessageTemplate update(long id, String name, String body) {
        check(name, body);
        return database.transactionResult(tx -> {
            TemplateRepository repo = new TemplateRepository(tx);
            repo.find(id).orElseThrow(() -> new IllegalArgumentException("no template " + id));
            repo.update(id, name.strip(), body, OffsetDateTime.now(clock));
            return repo.find(id).orElseThrow();
        });
    }

    /** Deletes one of the owner's templates; built-ins can be edited but not deleted. */
    public void delete(long id) {
        database.transaction(tx -> {
            TemplateRepository repo = new TemplateRepository(tx);
            MessageTemplate t = repo.find(id).orElseThrow(() -> new IllegalArgumentException("no template " + id));
            if (t.builtin()) {
                throw new IllegalStateException("built-in templates can be edited but not deleted");
            }
            repo.delete(id);
        });
    }

    /** The template filled in for a customer; {@code orderId} (e.g. a follow-up's order) gives the tracking number and item. */
    public Rendered render(long templateId, long customerId, Long orderId) {
        MessageTemplate t = find(templateId).orElseThrow(() -> new IllegalArgumentException("no template " + templateId));
        return renderText(t.body(), customerId, orderId);
    }

    /** Any text (e.g. a template being edited) filled in for a customer. */
    public Rendered renderText(String body, long customerId, Long orderId) {
        return TemplateRenderer.render(body, values(customerId, orderId));
    }

    /** The placeholder values of a customer (missing ones are absent). */
    public Map<String, String> values(long customerId, Long orderId) {
        String shop = settings.shopName();
        return database.transactionResult(tx -> {
            TemplateRepository repo = new TemplateRepository(tx);
            CustomerRecord c = repo.customer(customerId).orElseThrow(() -> new IllegalArgumentException("no customer " + customerId));
            Map<String, String> v = new HashMap<>();
            put(v, "name", c.getName());
            put(v, "nickname", repo.nickname(customerId).orElse(null));
            put(v, "shop_name", shop);
            if (c.getBirthdayMonth() != null && c.getBirthdayDay() != null) {
                put(v, "birthday", MonthDay.of(c.getBirthdayMonth(), c.getBirthdayDay()).format(DateTimeFormatter.ofPattern("MM-dd")));
            }
            LocalDate today = LocalDate.now(clock);
            if (c.getLastOrderAt() != null) {
                LocalDate last = c.getLastOrderAt().atZoneSameInstant(clock.getZone()).toLocalDate();
                put(v, "last_order_date", last.toString());
                put(v, "days_since_last_order", Long.toString(ChronoUnit.DAYS.between(last, today)));
            }
            Optional<ShopOrderRecord> order = orderId == null ? repo.lastOrder(customerId) : repo.order(orderId);
            order.ifPresent(o -> {
                put(v, "tracking_no", o.getTrackingNo());
                put(v, "carrier", o.getCarrier());
                put(v, "last_item", repo.firstItem(o.getId()).orElse(null));
                if (!v.containsKey("last_order_date") && o.getOrderedAt() != null) {
                    put(v, "last_order_date", o.getOrderedAt().atZoneSameInstant(clock.getZone()).toLocalDate().toString());
                }
            });
            return v;
        });
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value.strip());
        }
    }

    private static void check(String name, String body) {
        if (name == null || name.isBlank() || body == null || body.isBlank()) {
            throw new IllegalArgumentException("a template needs a name and a text");
        }
        if (body.length() > 5000 || name.length() > 200) {
            throw new IllegalArgumentException("the template is too long");
        }
    }
}
