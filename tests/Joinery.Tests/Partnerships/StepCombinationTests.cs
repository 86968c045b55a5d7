using Joinery.Core.Partnerships;

namespace Joinery.Tests.Partnerships;

/// <summary>How the roadmap combines what several features say about one of the eight steps.</summary>
public sealed class StepCombinationTests
{
    private static StepProgress Combine(params StepPart[] parts) => ComputeRoadmap.Combine(7, "Create empowerment", parts);

    [Fact]
    public void A_step_nobody_speaks_about_is_not_started()
    {
        var step = Combine();

        step.ShouldBe(new StepProgress(7, "Create empowerment", StepStatus.NotStarted, "Nothing recorded yet."));
    }

    [Fact]
    public void A_step_is_done_only_when_every_part_says_done_and_its_evidence_follows_the_parts_order()
    {
        Combine(new StepPart(7, StepStatus.Done, "Feedback answered.", Order: 1), new StepPart(7, StepStatus.Done, "Champions named."))
            .ShouldBe(new StepProgress(7, "Create empowerment", StepStatus.Done, "Champions named. Feedback answered."));

        Combine(new StepPart(7, StepStatus.Done, "Champions named."), new StepPart(7, StepStatus.NotStarted, "No feedback yet.", Order: 1))
            .Status.ShouldBe(StepStatus.InProgress, "one part still to start keeps the step in progress");
    }

    [Fact]
    public void Parts_that_all_say_not_started_leave_the_step_not_started()
    {
        Combine(new StepPart(7, StepStatus.NotStarted, "No champions."), new StepPart(7, StepStatus.NotStarted, "No feedback yet.", Order: 1))
            .Status.ShouldBe(StepStatus.NotStarted);
    }

    [Fact]
    public void A_fallback_part_speaks_only_while_no_other_part_has_started()
    {
        var fallback = new StepPart(1, StepStatus.InProgress, "Champions named, no mission yet.", Fallback: true);

        Combine(fallback, new StepPart(1, StepStatus.NotStarted, "No mission yet."))
            .ShouldBe(new StepProgress(7, "Create empowerment", StepStatus.InProgress, "Champions named, no mission yet."));
        Combine(fallback, new StepPart(1, StepStatus.Done, "Mission published and read."))
            .ShouldBe(new StepProgress(7, "Create empowerment", StepStatus.Done, "Mission published and read."));
    }
}
