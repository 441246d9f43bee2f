package dev.testlet.examples.items;

import java.math.BigDecimal;

/**
 * What a client sends to create an item: {@code POST /items {"name":"pen","price":1.50}}.
 *
 * <pre>{@code client.given().jsonBody(new NewItem("pen", new BigDecimal("1.50"))).post("/items")}</pre>
 *
 * @param name not blank
 * @param price not negative
 */
public record NewItem(String name, BigDecimal price) {}
