package com.fankeep.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A test class Surefire does not pick up never runs in CI, however green it looks in the IDE (the property tests once
 * did not). Every class under src/test with a test method must match the pom's Surefire includes, unless it is an
 * on-demand measurement (named …Measurement or …Measure, run by hand with -Dtest).
 */
class SurefireCoversEveryTestTest {

    private static final Pattern TEST_METHOD = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    private static final Pattern INCLUDE = Pattern.compile("<include>([^<]+)</include>");

    @Test
    void everyTestClassMatchesASurefireInclude() throws Exception {
        List<PathMatcher> includes = includes(Files.readString(Path.of("pom.xml")));
        assertThat(includes).isNotEmpty();
        Path root = Path.of("src/test/java");
        List<String> notRun;
        try (Stream<Path> files = Files.walk(root)) {
            notRun = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(SurefireCoversEveryTestTest::hasTestMethod)
                    .filter(p -> !onDemand(p))
                    .filter(p -> includes.stream().noneMatch(m -> m.matches(root.relativize(p))))
                    .map(p -> root.relativize(p).toString())
                    .toList();
        }
        assertThat(notRun).as("test classes Surefire does not run (rename them or add an include to the pom)").isEmpty();
    }

    @Test
    void theCheckSeesAClassNoIncludeMatches() {
        List<PathMatcher> defaults = includes("<include>**/Test*.java</include><include>**/*Test.java</include>");
        Path properties = Path.of("com/fankeep/core/shared/PersonalDataMaskProperties.java");
        assertThat(defaults.stream().anyMatch(m -> m.matches(properties))).isFalse();
        assertThat(defaults.stream().anyMatch(m -> m.matches(Path.of("com/fankeep/core/shared/PersonalDataMaskTest.java")))).isTrue();
        assertThat(hasTestMethod(Path.of("src/test/java").resolve(properties))).isTrue();
    }

    static List<PathMatcher> includes(String pom) {
        int plugin = Math.max(0, pom.indexOf("<artifactId>maven-surefire-plugin</artifactId>"));
        int end = pom.indexOf("</plugin>", plugin);
        Matcher m = INCLUDE.matcher(pom.substring(plugin, end < 0 ? pom.length() : end));
        List<PathMatcher> out = new java.util.ArrayList<>();
        while (m.find()) {
            // Surefire's **/X.java also matches a class in the root package, as glob's **/ does not
            String glob = m.group(1).replace("**/", "{**/,}");
            out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        return out;
    }

    private static boolean onDemand(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("Measurement.java") || name.endsWith("Measure.java");
    }

    private static boolean hasTestMethod(Path file) {
        try {
            return TEST_METHOD.matcher(Files.readString(file)).find();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
