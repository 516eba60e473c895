using LiteDB;
using PipelineSdk.Stores.Internal;

namespace PipelineSdk.Stores.Embedded;

/// <summary>Converts <see cref="StoredDocument"/> values to and from LiteDB's BSON.</summary>
internal static class LiteDocuments
{
    /// <summary>A stored document as LiteDB BSON, in the same field order.</summary>
    public static BsonDocument ToBson(StoredDocument document)
    {
        var bson = new BsonDocument();
        foreach (var (name, value) in document.Fields)
        {
            bson.Add(name, ToBson(value));
        }

        return bson;
    }

    /// <summary>A stored value as LiteDB BSON.</summary>
    public static BsonValue ToBson(object? value) => value switch
    {
        null => BsonValue.Null,
        BsonValue bson => bson,
        StoredDocument document => ToBson(document),
        List<object?> list => new BsonArray(list.Select(ToBson)),
        string text => new BsonValue(text),
        bool flag => new BsonValue(flag),
        int number => new BsonValue(number),
        long number => new BsonValue(number),
        double number => new BsonValue(number),
        decimal number => new BsonValue(number),
        DateTime date => new BsonValue(date),
        _ => throw new ArgumentException($"Cannot store a value of type {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>A LiteDB document as a stored document; values the store does not interpret pass through untouched.</summary>
    public static StoredDocument FromBson(BsonDocument bson)
    {
        var document = new StoredDocument();
        foreach (var (name, value) in bson)
        {
            document.Add(name, FromBson(value));
        }

        return document;
    }

    private static object? FromBson(BsonValue value) => value.Type switch
    {
        BsonType.Null => null,
        BsonType.Document => FromBson(value.AsDocument),
        BsonType.Array => value.AsArray.Select(FromBson).ToList(),
        BsonType.String => value.AsString,
        BsonType.Boolean => value.AsBoolean,
        BsonType.Int32 => value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => value.AsDouble,
        BsonType.Decimal => value.AsDecimal,
        BsonType.DateTime => value.AsDateTime.ToUniversalTime(),
        _ => value,
    };
}
