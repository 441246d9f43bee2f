package dev.testlet.examples.items;

import java.util.List;

/**
 * The body of {@code GET /items}: {@code {"items":[{"id":1,"name":"pen","price":1.50,"createdAt":"..."}]}}.
 *
 * @param items every item, by id
 */
public record ItemList(List<Item> items) {}
