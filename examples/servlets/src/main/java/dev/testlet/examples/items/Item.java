package dev.testlet.examples.items;

import java.math.BigDecimal;

/**
 * An item of the example API, as it is stored and sent: {@code {"id":1,"name":"pen","price":1.50}}.
 *
 * @param id assigned by the repository, from 1
 * @param name not blank
 * @param price not negative
 */
public record Item(long id, String name, BigDecimal price) {}
