using MongoDB.Bson;
using PipelineSdk.Stores.Internal;

namespace PipelineSdk.Stores.Mongo;

/// <summary>Converts <see cref="StoredDocument"/> values to and from the MongoDB driver's BSON.</summary>
internal static class MongoDocuments
{
    /// <summary>A stored document as BSON, in the same field order.</summary>
    public static BsonDocument ToBson(StoredDocument document)
    {
        var bson = new BsonDocument();
        foreach (var (name, value) in document.Fields)
        {
            bson.Add(name, ToBson(value));
        }

        return bson;
    }

    /// <summary>A stored value as BSON.</summary>
    public static BsonValue ToBson(object? value) => value switch
    {
        null => BsonNull.Value,
        BsonValue bson => bson,
        StoredDocument document => ToBson(document),
        List<object?> list => new BsonArray(list.Select(ToBson)),
        string text => new BsonString(text),
        bool flag => BsonBoolean.Create(flag),
        int number => new BsonInt32(number),
        long number => new BsonInt64(number),
        double number => new BsonDouble(number),
        decimal number => new BsonDecimal128(number),
        DateTime date => new BsonDateTime(date),
        _ => throw new ArgumentException($"Cannot store a value of type {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>A BSON document as a stored document; values the store does not interpret pass through untouched.</summary>
    public static StoredDocument FromBson(BsonDocument bson)
    {
        var document = new StoredDocument();
        foreach (var element in bson)
        {
            document.Add(element.Name, FromBson(element.Value));
        }

        return document;
    }

    private static object? FromBson(BsonValue value) => value.BsonType switch
    {
        BsonType.Null or BsonType.Undefined => null,
        BsonType.Document => FromBson(value.AsBsonDocument),
        BsonType.Array => value.AsBsonArray.Select(FromBson).ToList(),
        BsonType.String => value.AsString,
        BsonType.Boolean => value.AsBoolean,
        BsonType.Int32 => value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => value.AsDouble,
        BsonType.DateTime => value.ToUniversalTime(),
        _ => value,
    };
}
