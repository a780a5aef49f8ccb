package com.fankeep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.shared.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages say the same things: same keys, no empty texts, the same {n} placeholders; code asks only for keys that exist. */
class I18nBundlesTest {

    private static final Properties ENGLISH = load("/i18n/messages.properties");
    private static final Properties CHINESE = load("/i18n/messages_zh_CN.properties");

    @Test
    void bothBundlesHaveExactlyTheSameKeys() {
        assertThat(CHINESE.stringPropertyNames())
                .as("keys in zh_CN vs English")
                .containsExactlyInAnyOrderElementsOf(ENGLISH.stringPropertyNames());
    }

    @Test
    void noTextIsEmpty() {
        for (Properties bundle : List.of(ENGLISH, CHINESE)) {
            List<String> empty = bundle.stringPropertyNames().stream().filter(k -> bundle.getProperty(k).isBlank()).toList();
            assertThat(empty).as("keys with empty text").isEmpty();
        }
    }

    @Test
    void placeholdersMatchBetweenLanguages() {
        List<String> mismatches = new ArrayList<>();
        for (String key : ENGLISH.stringPropertyNames()) {
            Set<Integer> en = placeholders(ENGLISH.getProperty(key));
            Set<Integer> zh = placeholders(CHINESE.getProperty(key, ""));
            if (!en.equals(zh)) {
                mismatches.add(key + ": en " + en + " zh " + zh);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theChineseTextsNameTheAppInChinese() {
        // the window title carries both names; everywhere else a Chinese owner reads 粉丝管家 (Settings said "FanKeep 会自动整理")
        List<String> english = CHINESE.stringPropertyNames().stream()
                .filter(k -> !k.equals("app.title") && CHINESE.getProperty(k).contains("FanKeep")).sorted().toList();
        assertThat(english).as("zh_CN texts naming the app FanKeep").isEmpty();
    }

    @Test
    void textsWithPlaceholdersKeepTheirApostrophes() {
        // MessageFormat swallows a single ' (it starts a quote), so "Don't {0}" would show as "Dont {0}".
        for (Properties bundle : List.of(ENGLISH, CHINESE)) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (!placeholders(text).isEmpty()) {
                    assertThat(text.replace("''", "")).as(key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void theChineseBundleIsChosenForAChineseSystem() {
        assertThat(Messages.of(Locale.SIMPLIFIED_CHINESE).get("nav.today")).isEqualTo("今日待办");
        assertThat(Messages.of(Locale.ENGLISH).get("nav.today")).isEqualTo("Today");
        assertThat(Messages.of(Locale.SIMPLIFIED_CHINESE).get("status.customers", 1234)).isEqualTo("客户：1,234");
    }

    @Test
    void everyKeyTheUiAsksForExists() throws IOException {
        Pattern literal = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/fankeep/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (!ENGLISH.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The argument indices a pattern really uses (quoting rules included): format with markers and see which come out. */
    private static Set<Integer> placeholders(String pattern) {
        if (!pattern.contains("{")) {
            return Set.of();
        }
        MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
        int count = format.getFormatsByArgumentIndex().length;
        Object[] markers = new Object[count];
        for (int i = 0; i < count; i++) {
            markers[i] = "\u0000" + i + "\u0000";
        }
        String out = format.format(markers);
        Set<Integer> used = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            if (out.contains("\u0000" + i + "\u0000")) {
                used.add(i);
            }
        }
        return used;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
