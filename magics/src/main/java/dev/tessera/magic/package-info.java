/**
 * The {@code %tessera} magics: command lines parsed into typed requests, each one call of the engine API.
 * Start at {@link dev.tessera.magic.Magics#run(String)}.
 */
package dev.tessera.magic;
