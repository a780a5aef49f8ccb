package com.fankeep.core.db;

import java.util.Arrays;

/**
 * The key of an encrypted database, derived from the owner's password by {@link KeyFile#unlock}. Holds H2's file
 * password (hex of a 256-bit key), never the owner's password.
 */
public final class DatabaseKey {

    private final char[] filePassword;
    private final String salt;

    DatabaseKey(char[] filePassword, String salt) {
        this.filePassword = filePassword;
        this.salt = salt;
    }

    /** H2's URL password for {@code CIPHER=AES}: "filePassword userPassword" (the user password is empty). */
    char[] h2Password() {
        char[] p = Arrays.copyOf(filePassword, filePassword.length + 1);
        p[filePassword.length] = ' ';
        return p;
    }

    /** For H2's ChangeFileEncryption. */
    char[] filePassword() {
        return filePassword.clone();
    }

    /** Which key file this key belongs to (its salt, base64): a backup made under another password has another one. */
    public String salt() {
        return salt;
    }

    @Override
    public String toString() {
        return "DatabaseKey[salt=" + salt + "]"; // never the key
    }
}
