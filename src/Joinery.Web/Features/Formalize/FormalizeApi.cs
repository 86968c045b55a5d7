using System.Globalization;
using Joinery.Core.Formalize;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Formalize;

public sealed record ServiceDto(string? Name, string? Description, Guid? DeliveredBy, Guid? BilledBy, string? Site, List<string>? Payers, string? Scope,
    bool? InvolvesPart2, string? AssociateFunction, Guid? AssociateOrganization)
{
    public ServiceInput ToInput() => new(Name, Description, DeliveredBy?.ToString(), BilledBy?.ToString(), Site, Payers, Scope, InvolvesPart2 == true,
        AssociateFunction, AssociateOrganization?.ToString());
}

public sealed record CostItemDto(string? Category, string? Description, Guid? Organization, decimal? Amount, string? Period, string? FromMonth, string? ToMonth,
    Guid? Contribution = null);

/// <summary>Formalize: services, finances and agreements under /api/v1/partnerships/{id}.</summary>
internal static class FormalizeApi
{
    public static void MapFormalizeApi(this RouteGroupBuilder api)
    {
        var services = api.MapGroup("/partnerships/{id:guid}/services").WithTags("Formalize");
        services.MapGet("/", ListServicesAsync).WithName("ListServices").WithSummary("The service catalog with the partners that deliver and bill each service.");
        services.MapPost("/", CreateServiceAsync).WithName("CreateService").WithSummary("Adds a service to the catalog.");
        services.MapPut("/{serviceId:guid}", UpdateServiceAsync).WithName("UpdateService").WithSummary("Changes a service.");
        services.MapDelete("/{serviceId:guid}", DeleteServiceAsync).WithName("DeleteService").WithSummary("Removes a service from the catalog.");

        var finances = api.MapGroup("/partnerships/{id:guid}/finances").WithTags("Formalize");
        finances.MapGet("/", FinancesAsync).WithName("GetFinances").WithSummary("Cost items and each partner's stake (costs per year plus contributions).");
        finances.MapPost("/", AddCostAsync).WithName("CreateCostItem").WithSummary("Records a cost item.");
        finances.MapDelete("/{costItemId:guid}", DeleteCostAsync).WithName("DeleteCostItem").WithSummary("Removes a cost item.");

        var agreements = api.MapGroup("/partnerships/{id:guid}/agreements").WithTags("Formalize");
        agreements.MapGet("/", RegisterAsync).WithName("ListAgreements").WithSummary("The agreements register, with the required agreements and whether they are in force.");
        agreements.MapPost("/", CreateAgreementAsync).WithName("CreateAgreement").WithSummary("Records an agreement: type, title, status.");
        agreements.MapGet("/{agreementId:guid}", GetAgreementAsync).WithName("GetAgreement").WithSummary("An agreement with parties, signatories, checklist and document.");
        agreements.MapPut("/{agreementId:guid}", UpdateAgreementAsync).WithName("UpdateAgreement").WithSummary("Changes an agreement's title, status, dates, notes or parties.");
        agreements.MapPost("/{agreementId:guid}/signatories", AddSignatoryAsync).WithName("AddAgreementSignatory").WithSummary("Adds a signatory.");
        agreements.MapPut("/{agreementId:guid}/signatories/{signatoryId:guid}", UpdateSignatoryAsync).WithName("UpdateAgreementSignatory")
            .WithSummary("Records the date a signatory signed (and changes name, title or partner when given).");
        agreements.MapDelete("/{agreementId:guid}/signatories/{signatoryId:guid}", RemoveSignatoryAsync).WithName("RemoveAgreementSignatory")
            .WithSummary("Removes a signatory recorded by mistake.");
        agreements.MapPost("/{agreementId:guid}/elements", CheckElementAsync).WithName("CheckAgreementElement").WithSummary("Ticks a required element with a note.");
        agreements.MapPost("/{agreementId:guid}/document", UploadAsync).WithName("UploadAgreementDocument").DisableAntiforgery()
            .WithMetadata(new UploadLimitAttribute(AgreementDocument.MaxBytes))
            .WithSummary("Attaches a PDF or DOCX (multipart field \"file\", at most 10 MB, a DOCX unpacking to at most 50 MB, a PDF without script or embedded files), replacing the previous document.");
        agreements.MapGet("/{agreementId:guid}/document", DownloadAsync).WithName("DownloadAgreementDocument").WithSummary("The attached document, as an attachment.");
    }

    private static async Task<Results<Ok<ServicesView>, ProblemHttpResult>> ListServicesAsync(Guid id, ServicesWork work, CancellationToken cancellationToken) =>
        await work.ListAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<IResult> CreateServiceAsync(Guid id, ServiceDto? body, ServicesWork work, CancellationToken cancellationToken)
    {
        var outcome = await work.CreateAsync(id, (body ?? Empty).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/services/{outcome.Value}", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static readonly ServiceDto Empty = new(null, null, null, null, null, null, null, null, null, null);

    private static async Task<IResult> UpdateServiceAsync(Guid id, Guid serviceId, ServiceDto? body, ServicesWork work, CancellationToken cancellationToken)
    {
        var outcome = await work.UpdateAsync(id, serviceId, (body ?? Empty).ToInput(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> DeleteServiceAsync(Guid id, Guid serviceId, ServicesWork work, CancellationToken cancellationToken)
    {
        var outcome = await work.DeleteAsync(id, serviceId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.From(outcome);
    }

    private static async Task<Results<Ok<FinancesView>, ProblemHttpResult>> FinancesAsync(Guid id, FinancesWork work, CancellationToken cancellationToken) =>
        await work.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<IResult> AddCostAsync(Guid id, CostItemDto? body, FinancesWork work, CancellationToken cancellationToken)
    {
        var outcome = await work.AddAsync(id, new CostItemInput(body?.Category, body?.Description, body?.Organization?.ToString(),
            body?.Amount?.ToString(CultureInfo.InvariantCulture), body?.Period, body?.FromMonth, body?.ToMonth,
            body?.Contribution?.ToString()), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/finances", new { id = outcome.Value }) : Problems.From(outcome);
    }

    private static async Task<IResult> DeleteCostAsync(Guid id, Guid costItemId, FinancesWork work, CancellationToken cancellationToken)
    {
        var outcome = await work.DeleteAsync(id, costItemId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.From(outcome);
    }

    private static async Task<Results<Ok<AgreementsRegister>, ProblemHttpResult>> RegisterAsync(Guid id, ShowAgreementsRegister register, CancellationToken cancellationToken) =>
        await register.RunAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<Results<Ok<AgreementDetails>, ProblemHttpResult>> GetAgreementAsync(Guid id, Guid agreementId, ShowAgreement show,
        CancellationToken cancellationToken) =>
        await show.RunAsync(id, agreementId, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static readonly AgreementInput NoAgreement = new(null, null, null);

    private static async Task<Results<Created<RecordId>, ProblemHttpResult>> CreateAgreementAsync(Guid id, AgreementInput? body, RecordAgreement record,
        CancellationToken cancellationToken)
    {
        var outcome = await record.RunAsync(id, body ?? NoAgreement, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/agreements/{outcome.Value}", new RecordId(outcome.Value)) : Problems.Failed(outcome);
    }

    private static async Task<Results<Ok<RecordId>, ProblemHttpResult>> UpdateAgreementAsync(Guid id, Guid agreementId, AgreementInput? body, ChangeAgreement change,
        CancellationToken cancellationToken)
    {
        var outcome = await change.RunAsync(id, agreementId, body ?? NoAgreement, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new RecordId(outcome.Value)) : Problems.Failed(outcome);
    }

    private static readonly SignatoryInput NoSignatory = new(null, null, null, null);

    private static async Task<Results<Created<RecordId>, ProblemHttpResult>> AddSignatoryAsync(Guid id, Guid agreementId, SignatoryInput? body, AddSignatory add,
        CancellationToken cancellationToken)
    {
        var outcome = await add.RunAsync(id, agreementId, body ?? NoSignatory, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/partnerships/{id}/agreements/{agreementId}", new RecordId(outcome.Value)) : Problems.Failed(outcome);
    }

    private static async Task<Results<Ok<RecordId>, ProblemHttpResult>> UpdateSignatoryAsync(Guid id, Guid agreementId, Guid signatoryId, SignatoryInput? body,
        ChangeSignatory change, CancellationToken cancellationToken)
    {
        var outcome = await change.RunAsync(id, agreementId, signatoryId, body ?? NoSignatory, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new RecordId(outcome.Value)) : Problems.Failed(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveSignatoryAsync(Guid id, Guid agreementId, Guid signatoryId, RemoveSignatory remove,
        CancellationToken cancellationToken)
    {
        var outcome = await remove.RunAsync(id, agreementId, signatoryId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Failed(outcome);
    }

    private static async Task<Results<Ok<RecordId>, ProblemHttpResult>> CheckElementAsync(Guid id, Guid agreementId, ElementInput? body, ReviewAgreementElement review,
        CancellationToken cancellationToken)
    {
        var outcome = await review.RunAsync(id, agreementId, body ?? new ElementInput(null), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new RecordId(outcome.Value)) : Problems.Failed(outcome);
    }

    /// <summary>
    /// Tenancy first (404 for a partnership or agreement that is not the caller's), then the form: a
    /// missing or empty file is 400, more than 10 MB is 413 (400 for a declared length), and content that
    /// is not a PDF or a macro-free DOCX, a DOCX that unpacks to more than 50 MB, or a PDF with script,
    /// embedded files or launch actions is 415, saying why. The type comes from the bytes, never from the name.
    /// </summary>
    private static async Task<Results<Created<RecordId>, ValidationProblem, ProblemHttpResult>> UploadAsync(Guid id, Guid agreementId, HttpRequest request, ShowAgreement show, AttachAgreementDocument attach,
        CancellationToken cancellationToken)
    {
        if (await show.RunAsync(id, agreementId, cancellationToken) is null)
        {
            return Problems.NotFound();
        }
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Send the document as multipart/form-data in a field named \"file\".",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }
        if (request.ContentLength > AgreementDocument.MaxBytes + RequestLimits.UploadOverhead)
        {
            return FileProblem("The file is larger than 10 MB.");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(UploadLimits, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return FileProblem("The upload could not be read or is larger than 10 MB; send multipart/form-data with a field named \"file\".");
        }
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return FileProblem("Send a PDF or Word (.docx) file in the field named \"file\".");
        }
        if (file.Length > AgreementDocument.MaxBytes)
        {
            return FileProblem("The file is larger than 10 MB.");
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        if (DocumentSniffer.Inspect(content) is { Succeeded: false } refused)
        {
            return TypedResults.Problem(refused.FirstError, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }
        var outcome = await attach.RunAsync(id, agreementId, file.FileName, content, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/partnerships/{id}/agreements/{agreementId}/document", new RecordId(outcome.Value))
            : Problems.Failed(outcome);
    }

    /// <summary>Reading the form stops a little past the document limit, so a huge upload is never buffered whole.</summary>
    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions UploadLimits = new() { MultipartBodyLengthLimit = AgreementDocument.MaxBytes + RequestLimits.UploadOverhead };

    private static ValidationProblem FileProblem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] }, title: "The file cannot be attached.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid agreementId, HttpContext context, DownloadAgreementDocument download, CancellationToken cancellationToken)
    {
        if (await download.RunAsync(id, agreementId, cancellationToken) is not { } file)
        {
            return Problems.NotFound("No such document, or it is not yours to see.");
        }
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
