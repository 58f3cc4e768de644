package dev.tessera.spark;

import dev.tessera.engine.corpus.TokenizedImage;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * The columns of a token shard, one row per input file ({@link TokenizedImage}): source, width,
 * height, tokenizer, checkpoint (SHA-256 of its weights), grid, levels, ids, psnr, caption, error.
 * An error row has null sizes, ids and PSNR and says why in {@code error}.
 */
public final class ShardSchema {

    /** The shard schema. */
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            field("source", DataTypes.StringType, false),
            field("width", DataTypes.IntegerType, true),
            field("height", DataTypes.IntegerType, true),
            field("tokenizer", DataTypes.StringType, false),
            field("checkpoint", DataTypes.StringType, false),
            field("grid", DataTypes.IntegerType, true),
            field("levels", DataTypes.IntegerType, true),
            field("ids", DataTypes.createArrayType(DataTypes.IntegerType, false), true),
            field("psnr", DataTypes.DoubleType, true),
            field("caption", DataTypes.StringType, true),
            field("error", DataTypes.StringType, true)));

    private ShardSchema() {
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** The row of {@code t}. */
    public static Row row(TokenizedImage t) {
        if (!t.ok()) {
            return RowFactory.create(t.source(), null, null, t.tokenizer(), t.checkpoint(), null, null, null, null, t.caption(), t.error());
        }
        Integer[] ids = new Integer[t.ids().length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = t.ids()[i];
        }
        return RowFactory.create(t.source(), t.width(), t.height(), t.tokenizer(), t.checkpoint(), t.grid(), t.levels(),
                ids, Double.isNaN(t.psnr()) ? null : t.psnr(), t.caption(), t.error());
    }

    /** The record of a shard row (read back with the columns of {@link #SCHEMA}, in any order). */
    public static TokenizedImage image(Row r) {
        String error = r.getAs("error");
        String caption = r.getAs("caption");
        if (error != null) {
            return TokenizedImage.failed(r.getAs("source"), r.getAs("tokenizer"), r.getAs("checkpoint"), caption, error);
        }
        List<Integer> list = r.getList(r.fieldIndex("ids"));
        int[] ids = new int[list.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = list.get(i);
        }
        Double psnr = r.getAs("psnr");
        return new TokenizedImage(r.getAs("source"), r.<Integer>getAs("width"), r.<Integer>getAs("height"), r.getAs("tokenizer"),
                r.getAs("checkpoint"), r.<Integer>getAs("grid"), r.<Integer>getAs("levels"), ids,
                psnr == null ? Double.NaN : psnr, caption, null);
    }
}
