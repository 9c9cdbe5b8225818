package org.deskcrm.demo;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * UUID v7 keys for bulk generation, like {@link org.deskcrm.platform.id.Ids} but strictly
 * increasing within one generator (a 12-bit counter in the sub-millisecond bits) and without a
 * SecureRandom call per row. Keys stay unique across runs and machines (74 random bits); only
 * the data, not the keys, depends on the demo seed.
 */
final class DemoIds {
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private long lastMillis;
    private int counter;

    UUID next() {
        long now = System.currentTimeMillis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = 0;
        } else if (++counter > 0xfff) {
            lastMillis++;
            counter = 0;
        }
        long msb = (lastMillis << 16) | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
