package org.deskcrm.tag;

import java.util.UUID;

/** A shared label; {@code color} is a CSS hex colour like {@code #3B82F6}. */
public record Tag(UUID id, String name, String color, int usageCount, long version) {}
