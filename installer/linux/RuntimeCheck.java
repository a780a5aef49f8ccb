import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checks the jlinked runtime of the FanKeep app image (run by installer/linux/verify.sh with
 * lib/runtime/bin/java, never with the build JDK):
 * <ul>
 *   <li>{@code charsets}: GBK / GB18030 / x-mswin-936 round-trip Chinese text, Big5 / x-windows-950 exist
 *       (jdk.charsets),
 *       zh_CN dates (jdk.localedata with --include-locales=en,zh);</li>
 *   <li>{@code fx OUT.png}: starts the JavaFX toolkit (needs a display, e.g. xvfb-run), shows a
 *       window with Chinese text, snapshots it to OUT.png via javafx.swing + ImageIO.</li>
 * </ul>
 * Exit code 0 = all good.
 */
public final class RuntimeCheck {

    private static final String TEXT = "粉丝管家 FanKeep 张三 李四";

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "charsets";
        switch (what) {
            case "charsets" -> System.exit(charsets());
            case "fx" -> System.exit(Fx.run(Path.of(args.length > 1 ? args[1] : "fx-check.png")));
            default -> {
                System.err.println("usage: RuntimeCheck charsets | fx OUT.png");
                System.exit(2);
            }
        }
    }

    static int charsets() {
        int failures = 0;
        // x-mswin-936 (Windows "ANSI" code page of zh-CN) and x-windows-950 come only from jdk.charsets
        // on Linux; GBK/GB18030/Big5 are in java.base on Linux but not on every OS.
        for (String name : new String[] {"GBK", "GB18030", "GB2312", "x-mswin-936", "Big5", "x-windows-950", "UTF-8"}) {
            boolean supported = Charset.isSupported(name);
            boolean roundTrip = false;
            String hex = "";
            if (supported) {
                Charset cs = Charset.forName(name);
                byte[] bytes = TEXT.getBytes(cs);
                roundTrip = new String(bytes, cs).equals(TEXT);
                hex = hex(Arrays.copyOf(bytes, 4));
            }
            boolean traditional = name.equals("Big5") || name.equals("x-windows-950"); // cannot hold 丝/家
            boolean ok = supported && (roundTrip || traditional);
            System.out.printf("charset %-13s supported=%s roundTrip=%s first bytes of 粉丝=%s %s%n",
                    name, supported, roundTrip, hex, ok ? "OK" : "FAIL");
            if (!ok) {
                failures++;
            }
        }
        // "粉丝" in GBK is B7 DB CB BF
        String gbk = hex(Arrays.copyOf("粉丝".getBytes(Charset.forName("GBK")), 4));
        if (!gbk.equals("b7dbcbbf")) {
            System.out.println("GBK bytes for 粉丝 unexpected: " + gbk + " FAIL");
            failures++;
        }
        String zhDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.CHINA)
                .format(LocalDate.of(2026, 2, 17));
        boolean zhOk = zhDate.contains("年") && zhDate.contains("星期");
        System.out.println("zh_CN date: " + zhDate + (zhOk ? " OK" : " FAIL (jdk.localedata zh missing?)"));
        if (!zhOk) {
            failures++;
        }
        System.out.println("default charset=" + Charset.defaultCharset() + " stdout.encoding="
                + System.getProperty("stdout.encoding") + " user.language=" + System.getProperty("user.language")
                + " native.encoding=" + System.getProperty("native.encoding"));
        System.out.println(failures == 0 ? "charsets: ALL OK" : "charsets: " + failures + " FAILED");
        return failures == 0 ? 0 : 1;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }

    /** Kept in a nested class so that the charsets check never loads JavaFX. */
    static final class Fx {

        static int run(Path out) throws Exception {
            var done = new java.util.concurrent.CountDownLatch(1);
            var result = new int[] {1};
            javafx.application.Platform.startup(() -> {
                try {
                    var label = new javafx.scene.control.Label(TEXT);
                    label.setStyle("-fx-font-size: 28px; -fx-padding: 24;");
                    var root = new javafx.scene.layout.StackPane(label);
                    var stage = new javafx.stage.Stage();
                    stage.setTitle("粉丝管家 runtime check");
                    stage.setScene(new javafx.scene.Scene(root, 560, 120));
                    stage.show();
                    var image = root.snapshot(null, null);
                    var buffered = javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
                    javax.imageio.ImageIO.write(buffered, "png", out.toFile());
                    System.out.println("javafx " + System.getProperty("javafx.runtime.version")
                            + " font=" + label.getFont().getFamily() + " snapshot=" + out.toAbsolutePath());
                    stage.close();
                    result[0] = 0;
                } catch (Throwable t) {
                    t.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
            done.await();
            javafx.application.Platform.exit();
            return result[0];
        }
    }
}
