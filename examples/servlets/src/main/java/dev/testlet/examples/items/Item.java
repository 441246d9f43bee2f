package dev.testlet.examples.items;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An item of the example API, as it is stored and sent:
 * {@code {"id":1,"name":"pen","price":1.50,"createdAt":"2026-06-01T12:00:00.123456Z"}}.
 *
 * @param id assigned by the repository, from 1
 * @param name not blank
 * @param price not negative
 * @param createdAt when the repository stored it
 */
public record Item(long id, String name, BigDecimal price, Instant createdAt) {}
