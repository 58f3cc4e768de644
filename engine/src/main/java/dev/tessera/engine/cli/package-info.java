/**
 * The command line for long jobs (training shipped checkpoints, evaluation).
 */
package dev.tessera.engine.cli;
