/**
 * The kaniko plugin contract: context sources, credential helpers, snapshot strategies and cache
 * backends. JDK types only; see {@code docs/plugins.md}.
 */
package dev.kaniko.spi;
