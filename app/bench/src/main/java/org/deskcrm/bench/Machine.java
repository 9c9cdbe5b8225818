package org.deskcrm.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a run happened on, as printed in BENCHMARKS.md. */
public record Machine(String cpu, int cores, double memoryGb, String jdk, String os) {
    public static Machine current() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / 1e9,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                osName());
    }

    /** The 1-minute load average (the machine may be shared; a high load makes every figure slower). */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GB RAM, %s, %s", cpu, cores, memoryGb, jdk, os);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String osName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring(12).replace("\"", "") + " (" + System.getProperty("os.name") + " "
                            + System.getProperty("os.version") + ")";
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
