package dev.tessera.engine.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TokenGrid;

import java.util.List;

/**
 * The network of a judge that reads a grid tokenizer's ids instead of pixels
 * ({@link JudgeConfig#readsTokens()}): each grid cell's id and the cell's position, both
 * one-hot, projected to the width (a learned embedding of each, summed), DJL's self-attention
 * encoder blocks over the cells, and a linear head per cell to the {@value JudgeHeads#PER_CELL}
 * logits {@link JudgeHeads} lays out, so it decodes and trains exactly like the pixel judge.
 */
final class TokenReader {

    private TokenReader() {
    }

    /** The shipped single-level grid tokenizer {@code config.reads()} names, checked against the config's grid. */
    static GridTokenizer tokenizer(JudgeConfig config) {
        GridTokenizer t = TokenizerCheckpoint.pretrained(config.reads(), GridTokenizer.class);
        if (t.depth() != 1 || t.config().gridSize() != config.gridSize() || t.imageSize() != config.imageSize()) {
            String found = t.imageSize() + "px images as " + t.config().gridSize() + "x" + t.config().gridSize() + "x"
                    + t.depth() + " ids";
            t.close();
            throw new IllegalArgumentException("a token-reading judge of " + config.imageSize() + "px images on a "
                    + config.gridSize() + "x" + config.gridSize() + " grid needs a single-level tokenizer of that grid; "
                    + config.reads() + " writes " + found);
        }
        return t;
    }

    /** Positions (grid cells) the network reads. */
    static int positions(GridTokenizer t) {
        return t.config().gridSize() * t.config().gridSize();
    }

    /** (N, cells) ids of the images, as floats (one-hot encoded inside the network). */
    static NDArray ids(GridTokenizer t, List<RgbImage> images, NDManager m) {
        List<TokenGrid> grids = t.encode(images);
        int cells = positions(t);
        float[] flat = new float[images.size() * cells];
        for (int i = 0; i < grids.size(); i++) {
            int[] ids = grids.get(i).ids();
            for (int c = 0; c < cells; c++) {
                flat[i * cells + c] = ids[c];
            }
        }
        return m.create(flat, new Shape(images.size(), cells));
    }

    /** The network for {@code config} over {@code t}'s ids. */
    static Block network(JudgeConfig config, GridTokenizer t) {
        int codes = t.codebookSize();
        int cells = positions(t);
        int g = config.gridSize();
        SequentialBlock net = new SequentialBlock()
                .add(new LambdaBlock(in -> {
                    NDArray ids = in.singletonOrThrow();
                    long n = ids.getShape().get(0);
                    NDArray code = ids.toType(DataType.INT64, false).oneHot(codes).toType(DataType.FLOAT32, false);
                    NDManager m = ids.getManager();
                    NDArray where = m.eye(cells).expandDims(0).broadcast(new Shape(n, cells, cells));
                    return new NDList(code.concat(where, 2));
                }, "one-hot ids and positions"))
                .add(Linear.builder().setUnits(config.features()).optBias(false).build());
        for (int l = 0; l < config.layers(); l++) {
            net.add(new TransformerEncoderBlock(config.features(), config.heads(), config.hidden(), 0f, Activation::gelu));
        }
        return net.add(Linear.builder().setUnits(JudgeHeads.PER_CELL).build())
                .add(new LambdaBlock(in -> {
                    NDArray x = in.singletonOrThrow();
                    return new NDList(x.transpose(0, 2, 1).reshape(x.getShape().get(0), JudgeHeads.PER_CELL, g, g));
                }, "cells to the head grid"));
    }
}
