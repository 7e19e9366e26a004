package io.rmbsim.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The demo network's signing key: an RSA key pair made on the first start into the key folder
 * (under the data folder by default) and read from there afterwards, so that tokens stay valid
 * across restarts and every instance sharing the folder accepts them. The private key never leaves
 * the machine and is never part of the source tree.
 */
public final class DemoKeys {

    static final String PRIVATE_KEY_FILE = "demo-jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "demo-jwt-public.pem";

    private final PrivateKey privateKey;

    private DemoKeys(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /**
     * Reads the key pair from {@code folder}, making it first if there is none. Safe when several
     * instances start at once: the private key file appears atomically, and the first one wins.
     */
    public static DemoKeys inFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(privateFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path draft = Files.createTempFile(folder, "private", ".tmp");
                restrictToOwner(draft);
                Files.writeString(draft, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                try {
                    // a link, not a rename: rename replaces an existing file, a link fails if one exists
                    Files.createLink(privateFile, draft);
                } catch (FileAlreadyExistsException another) {
                    // another instance made the key first: use that one
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            PrivateKey privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateFile))));
            PublicKey publicKey = publicOf(privateKey);
            Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
            String publicPem = pem("PUBLIC KEY", publicKey.getEncoded());
            if (!Files.exists(publicFile) || !Files.readString(publicFile).equals(publicPem)) {
                Path draft = Files.createTempFile(folder, "public", ".tmp");
                Files.writeString(draft, publicPem);
                Files.move(draft, publicFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return new DemoKeys(privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo signing key cannot be kept in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the demo signing key in " + folder + " cannot be read", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new GeneralSecurityException("not an RSA private key with its public exponent");
        }
        BigInteger modulus = rsa.getModulus();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, rsa.getPublicExponent()));
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: its own access rules apply
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
