package com.fankeep.cli;

import com.fankeep.core.shared.AppVersion;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"FanKeep " + AppVersion.current()};
    }
}
