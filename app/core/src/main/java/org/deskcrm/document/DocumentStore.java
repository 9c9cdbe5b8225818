package org.deskcrm.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.deskcrm.platform.task.ProgressSink;

/**
 * The files behind documents, content-addressed in the data folder:
 * {@code <data-dir>/documents/ab/cdef…} where {@code abcdef…} is the SHA-256 of the bytes. A blob
 * is written once (to a temporary file, then moved into place) and never changed, so identical
 * files are stored once however often they are attached, and a row's hash always names the
 * bytes it was created with.
 */
public final class DocumentStore {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int HEAD_BYTES = 8192;
    private final Path root;

    /** {@code dataDir} is the app's data folder; blobs go to its {@code documents} subfolder. */
    public DocumentStore(Path dataDir) {
        this.root = dataDir.resolve("documents");
    }

    public Path root() {
        return root;
    }

    /** A stored blob: its hash and size, the first bytes (for type detection) and whether it was already there. */
    public record Blob(String sha256, long size, byte[] head, boolean existed) {}

    /** Thrown when the bytes exceed the limit; nothing is stored. */
    public static final class TooLargeException extends RuntimeException {
        private final long limit;

        TooLargeException(long limit) {
            super("larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * Streams the bytes into the store, hashing as it goes, and stops as soon as more than
     * {@code maxBytes} arrived. {@code expectedSize} (or -1) is for progress only.
     */
    public Blob put(InputStream in, long maxBytes, long expectedSize, ProgressSink progress) {
        MessageDigest sha = sha256();
        Path tmp = null;
        try {
            Files.createDirectories(root.resolve("tmp"));
            tmp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            byte[] head = new byte[0];
            long size = 0;
            byte[] buf = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (head.length < HEAD_BYTES) {
                        int take = Math.min(HEAD_BYTES - head.length, n);
                        head = Arrays.copyOf(head, head.length + take);
                        System.arraycopy(buf, 0, head, head.length - take, take);
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                    if (progress != null) {
                        progress.checkCancelled();
                        progress.update(size, expectedSize, null);
                    }
                }
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = pathOf(hash);
            if (Files.exists(target)) {
                Files.delete(tmp);
                return new Blob(hash, size, head, true);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            } catch (FileAlreadyExistsException e) {
                Files.delete(tmp); // another upload of the same bytes won the race
                return new Blob(hash, size, head, true);
            }
            target.toFile().setReadOnly();
            tmp = null;
            return new Blob(hash, size, head, false);
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be stored: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    public Path pathOf(String sha256) {
        if (sha256 == null || !HASH.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 hex string: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
