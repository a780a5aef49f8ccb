package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    @Test
    void explicitFolderWinsOverEnvironment() {
        Path p = DataFolder.resolve(Path.of("/tmp/shop"), Map.of("FANKEEP_HOME", "/srv/other"), "Linux", "/home/li");
        assertThat(p).isEqualTo(Path.of("/tmp/shop"));
    }

    @Test
    void environmentVariableWinsOverOsDefault() {
        Path p = DataFolder.resolve(null, Map.of("FANKEEP_HOME", "/srv/fankeep"), "Linux", "/home/li");
        assertThat(p).isEqualTo(Path.of("/srv/fankeep"));
    }

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertThat(DataFolder.resolve(null, Map.of(), "Linux", "/home/li")).isEqualTo(Path.of("/home/li/.local/share/fankeep"));
        assertThat(DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", "/home/li"))
                .isEqualTo(Path.of("/data/xdg/fankeep"));
    }

    @Test
    void windowsUsesAppData() {
        Path p = DataFolder.resolve(null, Map.of("APPDATA", "/users/li/AppData/Roaming"), "Windows 11", "/users/li");
        assertThat(p).isEqualTo(Path.of("/users/li/AppData/Roaming/FanKeep"));
    }

    @Test
    void macUsesApplicationSupport() {
        Path p = DataFolder.resolve(null, Map.of(), "Mac OS X", "/Users/li");
        assertThat(p).isEqualTo(Path.of("/Users/li/Library/Application Support/FanKeep"));
    }

    @Test
    void blankEnvironmentValueIsIgnored() {
        assertThat(DataFolder.resolve(null, Map.of("FANKEEP_HOME", " "), "Linux", "/home/li"))
                .isEqualTo(Path.of("/home/li/.local/share/fankeep"));
    }
}
