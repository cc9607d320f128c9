using System.Diagnostics;
using System.Text;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Tests.Gold;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Tests.Text;

public sealed class UnreadLanguageTests
{
    // The same few sentences of a policy in each language, written for these tests.
    private const string Chinese =
        "我们会收集您的账户信息和聊天记录，用于提供和改进服务。您可以随时在设置中删除您的对话记录。"
        + "我们不会出售您的个人信息。如您注销账户，我们将在三十日内删除您的数据。";

    private const string Japanese =
        "当社は、お客様のアカウント情報とチャットの履歴を収集し、サービスの提供と改善のために利用します。"
        + "お客様は設定からいつでも会話の履歴を削除できます。当社はお客様の個人情報を販売しません。";

    private const string Korean =
        "회사는 서비스 제공과 개선을 위해 귀하의 계정 정보와 대화 기록을 수집합니다. "
        + "귀하는 설정에서 언제든지 대화 기록을 삭제할 수 있습니다. 회사는 귀하의 개인정보를 판매하지 않습니다.";

    private const string Russian =
        "Мы собираем данные вашей учётной записи и историю чатов, чтобы предоставлять и улучшать сервис. "
        + "Вы можете в любой момент удалить историю разговоров в настройках. Мы не продаём ваши персональные данные.";

    private const string Arabic =
        "نقوم بجمع معلومات حسابك وسجل المحادثات لتقديم الخدمة وتحسينها. يمكنك حذف سجل المحادثات في أي وقت من الإعدادات. "
        + "نحن لا نبيع بياناتك الشخصية.";

    private const string Greek =
        "Συλλέγουμε τα στοιχεία του λογαριασμού σας και το ιστορικό συνομιλιών για να παρέχουμε την υπηρεσία. "
        + "Δεν πουλάμε τα προσωπικά σας δεδομένα.";

    private const string Hebrew = "אנו אוספים את פרטי החשבון שלך ואת היסטוריית השיחות כדי לספק את השירות. איננו מוכרים את המידע האישי שלך.";

    private const string Thai = "เราเก็บรวบรวมข้อมูลบัญชีและประวัติการสนทนาของคุณเพื่อให้บริการ เราไม่ขายข้อมูลส่วนบุคคลของคุณ";

    private const string Hindi = "हम सेवा प्रदान करने के लिए आपकी खाता जानकारी और चैट इतिहास एकत्र करते हैं। हम आपकी व्यक्तिगत जानकारी नहीं बेचते हैं।";

    private const string English =
        "We collect your account information and your chat history to provide and improve our services. "
        + "You can delete your conversations at any time in the settings. Deleted conversations are removed from our "
        + "systems within thirty days. We do not sell your personal data, and we do not use it for advertising. "
        + "If you close your account, we delete your data unless the law requires us to keep it. ";

    private const string French =
        "Nous collectons les informations de votre compte et l'historique de vos conversations pour fournir et améliorer "
        + "nos services. Vous pouvez supprimer vos conversations à tout moment dans les paramètres. Les conversations "
        + "supprimées sont effacées de nos systèmes dans un délai de trente jours. Nous ne vendons pas vos données "
        + "personnelles et nous ne les utilisons pas pour la publicité. Si vous fermez votre compte, nous supprimons vos "
        + "données, sauf lorsque la loi nous oblige à les conserver. ";

    private const string German =
        "Wir erheben die Daten Ihres Kontos und den Verlauf Ihrer Unterhaltungen, um unsere Dienste bereitzustellen und "
        + "zu verbessern. Sie können Ihre Unterhaltungen jederzeit in den Einstellungen löschen. Gelöschte Unterhaltungen "
        + "werden innerhalb von dreißig Tagen aus unseren Systemen entfernt. Wir verkaufen Ihre personenbezogenen Daten "
        + "nicht und nutzen sie nicht für Werbung. Wenn Sie Ihr Konto schließen, löschen wir Ihre Daten, es sei denn, das "
        + "Gesetz verpflichtet uns, sie aufzubewahren. ";

    private const string Spanish =
        "Recopilamos la información de su cuenta y el historial de sus conversaciones para prestar y mejorar nuestros "
        + "servicios. Usted puede eliminar sus conversaciones en cualquier momento desde la configuración. Las "
        + "conversaciones eliminadas se borran de nuestros sistemas en un plazo de treinta días. No vendemos sus datos "
        + "personales ni los usamos para publicidad. Si cierra su cuenta, eliminamos sus datos, salvo cuando la ley nos "
        + "obliga a conservarlos. ";

    [Theory]
    [InlineData(Chinese, "Chinese")]
    [InlineData(Japanese, "Japanese")]
    [InlineData(Korean, "Korean")]
    [InlineData(Russian, "in Cyrillic script")]
    [InlineData(Arabic, "in Arabic script")]
    [InlineData(Greek, "Greek")]
    [InlineData(Hebrew, "in Hebrew script")]
    [InlineData(Thai, "Thai")]
    [InlineData(Hindi, "in Devanagari script")]
    public void Of_PolicyInAnotherScript_NamesIt(string text, string expected)
    {
        // Arrange: a heading, an address and a date in Latin letters and digits, as real policies have.
        var policy = $"# Example AI\n\nhttps://example.com/privacy 2025-01-30\n\n{text}\n";

        // Act
        var language = UnreadLanguage.Of(policy);

        // Assert
        Assert.Equal(expected, language?.Name);
    }

    [Theory]
    [InlineData(French)]
    [InlineData(German)]
    [InlineData(Spanish)]
    public void Of_PolicyInAnotherLatinScriptLanguage_SaysItIsNotEnglish(string text)
    {
        // Act
        var language = UnreadLanguage.Of(text);

        // Assert
        Assert.Equal("in a language other than English", language?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("2025-01-30 | 30 | 90 — 12.5 %")]
    public void Of_NoLetters_Null(string text)
    {
        // Act
        var language = UnreadLanguage.Of(text);

        // Assert
        Assert.Null(language);
    }

    [Fact]
    public void Of_EnglishPolicy_Null()
    {
        // Act
        var language = UnreadLanguage.Of(English + English);

        // Assert
        Assert.Null(language);
    }

    [Fact]
    public void Of_EnglishPolicyNamingChineseCompanies_Null()
    {
        // Arrange
        var text = "Kimi is operated by Moonshot AI (北京月之暗面科技有限公司) and Doubao by ByteDance (字节跳动). " + English;

        // Act
        var language = UnreadLanguage.Of(text);

        // Assert
        Assert.Null(language);
    }

    [Fact]
    public void Of_EnglishPolicyWithLongBilingualFooter_Null()
    {
        // Arrange: every footer line in both languages, and a whole paragraph of it in Chinese.
        var footer = string.Join("\n", [
            "Contact us 联系我们 | Privacy Policy 隐私政策 | Terms of Service 用户协议 | Cookies 小型文本文件",
            "© 2025 Example AI 示例人工智能有限公司 版权所有 All rights reserved",
            "Address: 1 Example Road, Beijing 地址：北京市海淀区示例路一号",
            Chinese,
        ]);
        var text = English + English + "\n\n" + footer;

        // Act
        var language = UnreadLanguage.Of(text);

        // Assert
        Assert.Null(language);
    }

    [Fact]
    public void Of_EnglishAndFrenchSideBySide_NullAsTheEnglishIsRead()
    {
        // Act
        var language = UnreadLanguage.Of(English + "\n\n" + French);

        // Assert
        Assert.Null(language);
    }

    [Fact]
    public void Of_TerseEnglishWithoutItsCommonestWords_Null()
    {
        // Arrange: notes such as tests and lists write, with none of "the", "and", "you"; nor any French or German word.
        var text = string.Concat(Enumerable.Repeat("Chats deleted within 30 days. Training opt-out available. Logs encrypted at rest. No ads. ", 40));

        // Act
        var language = UnreadLanguage.Of(text);

        // Assert
        Assert.Null(language);
    }

    [Fact]
    public void Of_FewFrenchWords_NullAsTooFewToTell()
    {
        // Act
        var language = UnreadLanguage.Of("Nous ne vendons pas vos données personnelles.");

        // Assert
        Assert.Null(language);
    }

    [Fact]
    public void Of_KanjiWithoutKanaAsInChinese_Chinese()
    {
        // Arrange: a Chinese policy that quotes one Japanese product name in Kana.
        var text = Chinese + "「チャット」" + Chinese;

        // Act
        var language = UnreadLanguage.Of(text);

        // Assert
        Assert.Equal("Chinese", language?.Name);
    }

    [Fact]
    public void Of_LettersOutsideTheBlocksCounted_OtherScript()
    {
        // Arrange: Ethiopic, a script with no name here.
        var text = "የግል መረጃዎን አንሸጥም። የውይይት ታሪክዎን በማንኛውም ጊዜ መሰረዝ ይችላሉ።";

        // Act
        var language = UnreadLanguage.Of(text);

        // Assert
        Assert.Equal("in a script other than Latin", language?.Name);
    }

    [Fact]
    public void Of_HanOutsideTheBasicPlane_CountedAsChinese()
    {
        // Arrange: characters of CJK Extension B, each a surrogate pair.
        var text = "Ab " + string.Concat(Enumerable.Repeat("\U00020000\U00020001\U0002A6D6", 10));

        // Act
        var language = UnreadLanguage.Of(text);

        // Assert
        Assert.Equal("Chinese", language?.Name);
    }

    [Fact]
    public void Of_FiveMegabytes_OnePassInTimeLinearInItsLength()
    {
        // Arrange: the largest file the app takes, in Chinese with English in between.
        var paragraph = string.Concat(Enumerable.Repeat(Chinese, 8)) + English;
        var builder = new StringBuilder(5_000_000 + paragraph.Length);
        while (builder.Length < 5_000_000)
        {
            builder.Append(paragraph).Append('\n');
        }

        var text = builder.ToString();
        UnreadLanguage.Of(English);

        // Act
        var clock = Stopwatch.StartNew();
        var language = UnreadLanguage.Of(text);
        clock.Stop();

        // Assert: tens of milliseconds alone; the bound is generous as the tests share the machine, and a pass that
        // went back over the text for each letter or word would take hours.
        Assert.Equal("Chinese", language?.Name);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void Of_RealChinesePolicy_Chinese()
    {
        // Arrange: Kimi's privacy policy as it was published, read the way the app ingests it.
        var document = GoldCorpus.Read("real-other-languages", "kimi-ai-privacy-policy.md");

        // Act
        var language = UnreadLanguage.Of(document.Text);

        // Assert
        Assert.Equal("Chinese", language?.Name);
    }

    [Fact]
    public void Of_EveryEnglishDocumentOfTheCorpus_Null()
    {
        // Arrange: the seeds, every gold set and every recorded version of the real histories.
        string[] sets = [
            GoldCorpus.SeedsSet, GoldCorpus.DevSet, GoldCorpus.SecondHoldoutSet, GoldCorpus.ThirdHoldoutSet, GoldCorpus.RealDevSet,
            GoldCorpus.RealHoldoutSet, GoldCorpus.WrittenDevSet, GoldCorpus.WrittenHoldoutSet, "real-html",
        ];
        var documents = sets.SelectMany(set => GoldCorpus.FileNames(set).Select(name => (name, GoldCorpus.Read(set, name).Text)))
            .Concat(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "versions"), "*.md", SearchOption.AllDirectories)
                .Select(path => (path, SourceReader.Read(path, File.ReadAllBytes(path)).Text)))
            .ToList();

        // Act
        var flagged = documents.Where(d => UnreadLanguage.Of(d.Text) is not null).Select(d => d.Item1).ToList();

        // Assert
        Assert.True(documents.Count > 60, $"{documents.Count} documents");
        Assert.Empty(flagged);
    }
}
