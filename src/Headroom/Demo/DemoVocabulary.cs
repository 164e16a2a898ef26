namespace Headroom.Demo;

// The localized words the demo data is made of. Bogus supplies people's names; company names,
// regions and sales vocabulary are our own because Bogus's zh_CN company data is not Chinese.
internal sealed class DemoVocabulary
{
    public required string RootTeam { get; init; }
    public required Func<string, int, string> GroupName { get; init; }
    // Assignment queues: the overloaded team's balanced auto-routing queue, another team's
    // least-loaded queue for one lead source.
    public required Func<string, string> BalancedQueueName { get; init; }
    public required Func<string, string, string> SourceQueueName { get; init; }
    public required (string Name, double Weight, string[] Territories, string? TimeZoneId)[] Regions { get; init; }
    public required string[] Industries { get; init; }
    public required string[] Skills { get; init; }
    // Title by seniority 0 (junior) .. 3 (key account).
    public required string[] RepTitles { get; init; }
    public required string VpTitle { get; init; }
    public required string RegionalManagerTitle { get; init; }
    public required string TeamLeadTitle { get; init; }
    public required string AdminTitle { get; init; }
    public required string[] ContactTitles { get; init; }
    public required (string Name, int Weight)[] LeadSources { get; init; }
    public required (string Code, int Weight)[] LeadLanguages { get; init; }
    public required string[] SecondLanguages { get; init; }
    public required string NativeLanguage { get; init; }
    public required string[] Products { get; init; }
    public required string[] LostReasons { get; init; }
    public required string[] FollowUpTitles { get; init; }
    public required string[] FeedbackComments { get; init; }
    public required string[] CompanyPrefixes { get; init; }
    public required string[] CompanyStems { get; init; }
    public required string[] CompanySuffixes { get; init; }
    public required string[] LeaveNotes { get; init; }
    // Deal amounts per tier A..D in whole currency units.
    public required (long Min, long Max)[] AmountRanges { get; init; }

    public static DemoVocabulary For(bool chinese) => chinese ? Chinese : English;

    private static readonly DemoVocabulary Chinese = new()
    {
        RootTeam = "销售部",
        GroupName = (region, n) => $"{region}{n}组",
        BalancedQueueName = team => $"{team}新线索均衡分配",
        SourceQueueName = (team, source) => $"{team}{source}线索",
        Regions =
        [
            ("华东", 0.26, ["上海", "江苏", "浙江", "安徽", "山东"], null),
            ("华南", 0.18, ["广东", "福建", "广西", "海南"], null),
            ("华北", 0.18, ["北京", "天津", "河北", "山西", "内蒙古"], null),
            ("华中", 0.12, ["湖北", "湖南", "河南", "江西"], null),
            ("西南", 0.11, ["四川", "重庆", "云南", "贵州"], null),
            ("西北", 0.08, ["陕西", "甘肃", "宁夏", "新疆"], null),
            ("东北", 0.07, ["辽宁", "吉林", "黑龙江"], null),
        ],
        Industries = ["制造业", "金融", "零售", "医疗健康", "教育", "互联网", "物流", "能源", "政府与公共事业", "房地产"],
        Skills = ["大客户谈判", "方案销售", "产品演示", "招投标", "渠道管理", "制造业", "金融", "医疗健康", "零售"],
        RepTitles = ["销售代表", "高级销售代表", "客户经理", "大客户经理"],
        VpTitle = "销售副总裁",
        RegionalManagerTitle = "区域销售经理",
        TeamLeadTitle = "销售主管",
        AdminTitle = "销售运营",
        ContactTitles = ["总经理", "采购经理", "IT 总监", "财务总监", "运营经理", "技术负责人", "行政主管"],
        LeadSources = [("展会", 20), ("官网", 30), ("转介绍", 15), ("电话营销", 10), ("微信", 15), ("合作伙伴", 10)],
        LeadLanguages = [("zh", 86), ("en", 9), ("ja", 3), ("ko", 2)],
        SecondLanguages = ["en", "en", "en", "en", "en", "en", "en", "en", "ja", "ko"],
        NativeLanguage = "zh",
        Products = ["CRM 年度订阅", "数据分析平台", "实施服务", "培训服务", "扩容", "私有化部署"],
        LostReasons = ["价格过高", "选择了竞争对手", "预算取消", "需求不匹配", "失去联系", "决策延后"],
        FollowUpTitles = ["回访{0}", "给{0}发送报价单", "准备{0}的产品演示", "跟进{0}的合同", "确认{0}的需求", "安排拜访{0}", "催收{0}的回款"],
        FeedbackComments = ["响应很及时", "实施顾问很专业", "价格偏高", "培训不够", "系统稳定", "希望多一些本地支持", "很满意"],
        CompanyPrefixes = ["上海", "北京", "深圳", "杭州", "苏州", "广州", "成都", "武汉", "南京", "西安", "天津", "重庆", "青岛", "厦门", "宁波"],
        CompanyStems = ["宏达", "华信", "锦程", "恒通", "瑞丰", "天成", "中科", "鼎盛", "新元", "佳禾", "永泰", "博远", "汇智", "安和", "星辰", "金桥"],
        CompanySuffixes = ["科技有限公司", "制造有限公司", "贸易有限公司", "集团", "医疗器械有限公司", "物流有限公司", "信息技术有限公司", "股份有限公司"],
        LeaveNotes = ["年假", "病假", "事假"],
        AmountRanges = [(800_000, 5_000_000), (200_000, 800_000), (50_000, 200_000), (5_000, 50_000)],
    };

    private static readonly DemoVocabulary English = new()
    {
        RootTeam = "Sales",
        GroupName = (region, n) => $"{region} {n}",
        BalancedQueueName = team => $"{team}: new leads, balanced",
        SourceQueueName = (team, source) => $"{team}: {source} leads",
        Regions =
        [
            ("East", 0.26, ["NY", "NJ", "MA", "PA", "CT"], "America/New_York"),
            ("West", 0.2, ["CA", "WA", "OR", "NV"], "America/Los_Angeles"),
            ("Central", 0.16, ["IL", "MN", "MO", "WI"], "America/Chicago"),
            ("South", 0.14, ["TX", "FL", "GA", "NC"], "America/Chicago"),
            ("Midwest", 0.1, ["OH", "MI", "IN"], "America/New_York"),
            ("Mountain", 0.08, ["CO", "UT", "AZ"], "America/Denver"),
            ("Northwest", 0.06, ["ID", "MT", "AK"], "America/Los_Angeles"),
        ],
        Industries = ["Manufacturing", "Financial services", "Retail", "Healthcare", "Education", "Software", "Logistics", "Energy", "Public sector", "Real estate"],
        Skills = ["Enterprise negotiation", "Solution selling", "Product demo", "Public tenders", "Channel management", "Manufacturing", "Financial services", "Healthcare", "Retail"],
        RepTitles = ["Sales Development Rep", "Account Executive", "Senior Account Executive", "Key Account Manager"],
        VpTitle = "VP of Sales",
        RegionalManagerTitle = "Regional Sales Manager",
        TeamLeadTitle = "Sales Team Lead",
        AdminTitle = "Sales Operations",
        ContactTitles = ["CEO", "Procurement Manager", "IT Director", "CFO", "Operations Manager", "Head of Engineering", "Office Manager"],
        LeadSources = [("Trade show", 20), ("Website", 30), ("Referral", 15), ("Cold call", 10), ("Social media", 15), ("Partner", 10)],
        LeadLanguages = [("en", 86), ("es", 6), ("zh", 5), ("ja", 3)],
        SecondLanguages = ["es", "es", "es", "zh", "zh", "zh", "ja", "ko"],
        NativeLanguage = "en",
        Products = ["Annual subscription", "Analytics platform", "Implementation services", "Training", "Expansion", "On-premises license"],
        LostReasons = ["Price too high", "Chose a competitor", "Budget cut", "Poor fit", "Went dark", "Decision postponed"],
        FollowUpTitles = ["Call back {0}", "Send quote to {0}", "Prepare demo for {0}", "Chase contract with {0}", "Confirm requirements with {0}", "Schedule visit to {0}", "Chase payment from {0}"],
        FeedbackComments = ["Quick to respond", "Very professional onboarding", "A bit expensive", "Needed more training", "Stable product", "Would like more local support", "Very happy"],
        CompanyPrefixes = [],
        CompanyStems = [],
        CompanySuffixes = [],
        LeaveNotes = ["Vacation", "Sick", "Personal"],
        AmountRanges = [(120_000, 750_000), (30_000, 120_000), (8_000, 30_000), (1_000, 8_000)],
    };
}
