package com.fankeep.core.importing;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The synthetic sample exports shipped inside the app (sample-data/ of the repository), for "Load sample data". */
public final class SampleData {

    private static final String ROOT = "/sample-data";

    private SampleData() {
    }

    /** Copies every sample file into {@code target} (keeping the platform folders) and returns them, sorted. */
    public static List<Path> extractTo(Path target) throws IOException {
        URL url = SampleData.class.getResource(ROOT);
        if (url == null) {
            throw new IOException("the sample data is missing from this build");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                return copy(fs.getPath(ROOT), target);
            }
        }
        return copy(Path.of(uri), target);
    }

    private static List<Path> copy(Path source, Path target) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals("README.md") || name.startsWith(".")) {
                    continue;
                }
                Path dest = target.resolve(source.relativize(p).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                out.add(dest);
            }
        }
        return out;
    }
}
