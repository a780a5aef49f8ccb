package com.fankeep.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a child JVM with this test run's JDK and class path (for CLI, lock and kill tests). */
public final class JavaProcess {

    private JavaProcess() {
    }

    public static ProcessBuilder builder(String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-Duser.language=en", "-Duser.country=US", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /** Runs to the end (at most 60 s) and returns the exit code with what it printed. */
    public static Result run(String mainClass, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("fankeep-out", ".txt");
        Path err = Files.createTempFile("fankeep-err", ".txt");
        try {
            Process p = builder(mainClass, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child did not finish in 60 s: " + String.join(" ", args));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public record Result(int exitCode, String out, String err) {
    }
}
