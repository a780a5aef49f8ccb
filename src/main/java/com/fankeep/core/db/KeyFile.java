package com.fankeep.core.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code fankeep.key} beside the database of an encrypted data folder: the salt, KDF and iterations that turn the
 * owner's password into the database key, and a check value to tell a wrong password at once. Never the password or
 * the key. No key file: the database is not encrypted.
 *
 * <p>The password goes through PBKDF2-HMAC-SHA256 ({@link #ITERATIONS} rounds) to a 256-bit master secret; H2's file
 * password and the check value are two HMACs of it, so the check value reveals nothing about the file password.
 */
public record KeyFile(int version, String kdf, int iterations, String salt, String check) {

    public static final String FILE_NAME = "fankeep.key";
    public static final String FORMAT = "fankeep-key-1";
    public static final String KDF = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; H2's own derivation uses 10. */
    public static final int ITERATIONS = 600_000;

    public KeyFile {
        if (iterations < 1 || salt == null || check == null) {
            throw new IllegalArgumentException("incomplete key file");
        }
    }

    public static Path path(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** The key file of {@code dataDir}, or empty when the folder is not encrypted. */
    public static Optional<KeyFile> read(Path dataDir) {
        Path file = path(dataDir);
        return Files.isRegularFile(file) ? Optional.of(readFile(file)) : Optional.empty();
    }

    public static boolean encrypted(Path dataDir) {
        return Files.isRegularFile(path(dataDir));
    }

    public static KeyFile readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key file " + file + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(p.getProperty("format")) || !KDF.equals(p.getProperty("kdf"))) {
            throw new IllegalStateException("Not a FanKeep key file of a known format: " + file);
        }
        return new KeyFile(1, p.getProperty("kdf"), Integer.parseInt(p.getProperty("iterations", "0")),
                p.getProperty("salt"), p.getProperty("check"));
    }

    /** A new key file with a fresh salt for {@code password}, and the key it gives. */
    public static Unlocked create(char[] password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        byte[] master = derive(password, salt, ITERATIONS);
        KeyFile file = new KeyFile(1, KDF, ITERATIONS, saltText, Base64.getEncoder().encodeToString(hmac(master, "check")));
        return new Unlocked(file, keyOf(master, saltText));
    }

    /** The key for {@code password}, or empty when it is not the password of this key file. Slow on purpose. */
    public Optional<DatabaseKey> unlock(char[] password) {
        byte[] master = derive(password, Base64.getDecoder().decode(salt), iterations);
        byte[] expected = Base64.getDecoder().decode(check);
        if (!MessageDigest.isEqual(expected, hmac(master, "check"))) {
            Arrays.fill(master, (byte) 0);
            return Optional.empty();
        }
        return Optional.of(keyOf(master, salt));
    }

    /** Writes this key file to {@code file}: a temporary name, flushed to disk, then one rename. */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("kdf", kdf);
        p.setProperty("iterations", Integer.toString(iterations));
        p.setProperty("salt", salt);
        p.setProperty("check", check);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "FanKeep encryption: salt and KDF settings, not the password. Without the password the data cannot be read.");
        }
        FolderSwap.force(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static DatabaseKey keyOf(byte[] master, String salt) {
        char[] hex = HexFormat.of().formatHex(hmac(master, "h2-file-password")).toCharArray();
        Arrays.fill(master, (byte) 0);
        return new DatabaseKey(hex, salt);
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 not available", e);
        }
    }

    /** A key file and the key its password gives. */
    public record Unlocked(KeyFile file, DatabaseKey key) {
    }
}
