using System.Globalization;

namespace PipelineSdk.Python;

/// <summary>Python's <c>repr(float)</c>: the shortest digits that round-trip, in Python's layout.</summary>
internal static class PythonFloat
{
    /// <summary>
    /// Formats like Python: <c>0.5</c>, <c>3.0</c>, <c>-0.0</c>, <c>1e-05</c>, <c>1e+16</c>, <c>1.5e+300</c>;
    /// positional when the decimal exponent is in [-4, 16), otherwise exponent form with at least two exponent
    /// digits. Non-finite values are written as <c>json.dumps</c> writes them: <c>NaN</c>, <c>Infinity</c>,
    /// <c>-Infinity</c>.
    /// </summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0)
        {
            return sign + "0.0";
        }

        // .NET's "R" gives the shortest round-trip digits (as Python's repr does) but in its own layout.
        var (digits, pointPosition) = ShortestDigits(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var exponent = pointPosition - 1;
        if (exponent is < -4 or >= 16)
        {
            var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            var exponentSign = exponent < 0 ? "-" : "+";
            return sign + mantissa + "e" + exponentSign + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }

        if (pointPosition <= 0)
        {
            return sign + "0." + new string('0', -pointPosition) + digits;
        }

        if (pointPosition >= digits.Length)
        {
            return sign + digits + new string('0', pointPosition - digits.Length) + ".0";
        }

        return sign + digits[..pointPosition] + "." + digits[pointPosition..];
    }

    /// <summary>
    /// Splits .NET's round-trip text ("1.5E+300", "0.0001", "123.45") into significant digits without leading or
    /// trailing zeros, and the position of the decimal point relative to the first of them.
    /// </summary>
    private static (string Digits, int PointPosition) ShortestDigits(string text)
    {
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var pointAt = mantissa.IndexOf('.');
        var allDigits = pointAt < 0 ? mantissa : mantissa.Remove(pointAt, 1);
        var pointPosition = (pointAt < 0 ? mantissa.Length : pointAt) + exponent;

        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        return (digits, pointPosition - leadingZeros);
    }
}
