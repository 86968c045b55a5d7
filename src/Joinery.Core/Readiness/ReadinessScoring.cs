namespace Joinery.Core.Readiness;

/// <summary>How a mean reads (frameworks.md §3): 4.0 and above a strength, 3.0–3.9 borderline, below 3.0 a concern.</summary>
public enum Band { Strength, Borderline, Concern }

public sealed record OrganizationScore(Guid OrganizationId, double? Mean, int Respondents, int DontKnow)
{
    /// <summary>The mean as people read it, to one decimal: the band and the gaps follow what is shown, so 3.96 reads "4.0, strength".</summary>
    public double? Shown => Mean is { } m ? ReadinessScoring.OneDecimal(m) : null;

    public Band? Band => Shown is { } m ? ReadinessScoring.BandOf(m) : null;
}

public sealed record ScoreRow(string Code, string Text, IReadOnlyList<OrganizationScore> ByOrganization)
{
    /// <summary>The largest difference between two organizations' means as shown (3.8 and 4.0 make 0.2); null until two have a mean.</summary>
    public double? Gap
    {
        get
        {
            var means = ByOrganization.Where(o => o.Shown is not null).Select(o => o.Shown!.Value).ToList();
            return means.Count < 2 ? null : ReadinessScoring.OneDecimal(means.Max() - means.Min());
        }
    }

    /// <summary>Gaps of a whole point or more are worth a conversation.</summary>
    public bool TalkAboutThis => Gap >= ReadinessScoring.TalkThreshold;
}

public sealed record FactorScores(ScoreRow Factor, IReadOnlyList<ScoreRow> Items);

/// <summary>One respondent's answers: item code → score (null = don't know).</summary>
public sealed record RespondentAnswers(Guid OrganizationId, IReadOnlyDictionary<string, int?> Scores);

/// <summary>Pure scoring of the readiness check: means per item and factor for each organization, gaps and bands.</summary>
public static class ReadinessScoring
{
    public const double TalkThreshold = 1.0;

    /// <summary>Rounded as the pages print it ("0.0" rounds half away from zero).</summary>
    public static double OneDecimal(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static Band BandOf(double mean) => mean >= 4.0 ? Band.Strength : mean >= 3.0 ? Band.Borderline : Band.Concern;

    /// <summary>
    /// Item mean: the average of the organization's known scores. Factor mean: each respondent's
    /// mean over the factor's items, averaged across the organization's respondents.
    /// "Don't know" counts toward neither.
    /// </summary>
    public static IReadOnlyList<FactorScores> Score(IReadOnlyList<Guid> organizations, IReadOnlyList<RespondentAnswers> respondents)
    {
        var result = new List<FactorScores>();
        foreach (var factor in ReadinessCatalog.Factors)
        {
            var items = factor.Items.Select(item => new ScoreRow(item.Code, item.Text, organizations.Select(org =>
            {
                var answers = respondents.Where(r => r.OrganizationId == org).Select(r => r.Scores.GetValueOrDefault(item.Code)).ToList();
                var known = answers.Where(s => s is not null).Select(s => (double)s!.Value).ToList();
                return new OrganizationScore(org, known.Count == 0 ? null : Math.Round(known.Average(), 2), answers.Count, answers.Count - known.Count);
            }).ToList())).ToList();

            var factorRow = new ScoreRow(factor.Code, factor.Title, organizations.Select(org =>
            {
                var people = respondents.Where(r => r.OrganizationId == org).ToList();
                var means = people
                    .Select(r => factor.Items.Select(i => r.Scores.GetValueOrDefault(i.Code)).Where(s => s is not null).Select(s => (double)s!.Value).ToList())
                    .Where(scores => scores.Count > 0)
                    .Select(scores => scores.Average())
                    .ToList();
                var dontKnow = people.Sum(r => factor.Items.Count(i => r.Scores.GetValueOrDefault(i.Code) is null));
                return new OrganizationScore(org, means.Count == 0 ? null : Math.Round(means.Average(), 2), people.Count, dontKnow);
            }).ToList());
            result.Add(new FactorScores(factorRow, items));
        }
        return result;
    }
}
