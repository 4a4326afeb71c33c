/** Providers built into kaniko, registered through the same SPI as external plugins. */
package dev.kaniko.core.builtin;
