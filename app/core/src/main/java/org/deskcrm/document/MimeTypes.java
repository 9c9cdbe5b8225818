package org.deskcrm.document;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The MIME type of an uploaded file: from its first bytes where the format has a signature (PDF,
 * images, ZIP-based Office files, old Office files), else from the file name, else text or
 * octet-stream by looking at the bytes. No outside service, same answer on every OS.
 */
public final class MimeTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("md", "text/markdown"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("xml", "application/xml"),
            Map.entry("json", "application/json"),
            Map.entry("vcf", "text/vcard"),
            Map.entry("ics", "text/calendar"),
            Map.entry("eml", "message/rfc822"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("zip", "application/zip"),
            Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("gz", "application/gzip"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mov", "video/quicktime"));

    private MimeTypes() {}

    public static String detect(String fileName, byte[] head) {
        String ext = extension(fileName);
        if (startsWith(head, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "image/png";
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
            return "image/gif";
        }
        if (startsWith(head, "RIFF") && head.length >= 12 && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return "image/webp";
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            // ZIP container: Office Open XML and OpenDocument files are ZIPs; trust a matching extension.
            String byName = BY_EXTENSION.get(ext);
            return byName != null && (byName.contains("openxmlformats") || byName.contains("opendocument"))
                    ? byName : "application/zip";
        }
        if (startsWith(head, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            String byName = BY_EXTENSION.get(ext);
            return byName != null && byName.startsWith("application/vnd.ms") || "application/msword".equals(byName)
                    ? byName : "application/x-ole-storage";
        }
        String byName = BY_EXTENSION.get(ext);
        if (byName != null) {
            return byName;
        }
        return looksLikeText(head) ? "text/plain" : "application/octet-stream";
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean looksLikeText(byte[] head) {
        if (head.length == 0) {
            return true;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, String prefix) {
        return startsWith(head, prefix.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
