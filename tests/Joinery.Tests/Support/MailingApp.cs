namespace Joinery.Tests.Support;

/// <summary>A test host whose mail goes to its own <see cref="TestMailServer"/>.</summary>
public sealed class MailingApp : IDisposable
{
    public MailingApp()
    {
        Mail = new TestMailServer();
        App = new JoineryApp(Mail.Settings);
    }

    public TestMailServer Mail { get; }

    public JoineryApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        Mail.Dispose();
    }
}
