"""Adversarial fixture workflows: traps set for rote's induction, each where a cache that
generalises too eagerly answers wrongly (a false hit).

Two reviewers wrote them, in two rounds, to hunt for false hits; each set one trap, found
one (or more) and the finding became a fix. Here they guard against regressions. They are not part of the
catalog: ``workflows: all`` and the shipped fixtures do not include them. Suites name them
by name or by group (``evals/suites/adversarial.yaml``, ``adversarial-limits.yaml``):

- ``known_limit is None``: rote is expected to hold the workflow at zero false hits today
  (the ``adversarial`` group and suite; ``tests/evals/test_adversarial.py``);
- ``known_limit`` set: rote still answers some calls wrongly there, for the reason given
  (the ``adversarial-limits`` group and suite, informational).

Every answer is a function of the request, so every workflow is cacheable: a correct cache
may serve new data (it would have to learn the rule). Families of traps (``family``):

- A: tool results (JSON, a Python dict's repr, plain text) whose free-text values hold
  structure or escapes, or are followed by an optional key or line;
- B: a text value in the user's message that may swallow a list separator, a joiner
  (" and ") or a following sentence;
- C: several expressions fit the examples (number formats, case, rounding, calendar);
- D: variables that are always (or usually) equal; case and whitespace normalisation;
- E: the answer depends on what a value means, and training saw one outcome;
- F: request settings (``stop``, ``max_tokens``) that change the answer;
- G: the tool-call protocol (parallel tool results in completion order, tied by ``tool_call_id``);
- ``control``: shapes close to a trap where the reviewers found no false hit.

Each run's data is drawn from an RNG seeded with the reviewer's name of the workflow
(``reviewer_name``), so the reviewers' seed pairs still draw the data of their findings.
The mapping from the reviewers' names is in the comment above ``ALL`` at the end.

One module per family (``a_tool_results``, ``a_value_parts`` and ``a_named_numbers``, ``b_user_text``, ``c_rival_expressions``,
``d_equal_values``, ``e_meaning``, ``f_request_settings``, ``g_tool_protocol``, ``control``;
``base`` holds ``Adversarial`` and the data several families share); every name is
importable from here as before. Each workflow names the rules it guards (``guards``: names
of ``induction.rules.RULES``): the rules whose false hit its trap sets (for a control, the
rule it sits next to), together with the specific rules that act on its training runs.

>>> from evals.workflows import ADVERSARIAL
>>> ADVERSARIAL["json_optional_key"].reviewer_name, ADVERSARIAL["sort_three"].known_limit is not None
('h_optfield', True)
"""

from __future__ import annotations

from evals.workflows.adversarial.a_named_numbers import (
    DebugPortNamedRange,
    DiskOverNamedPercent,
    RefundOverNamedLimit,
)
from evals.workflows.adversarial.a_tool_results import (
    AttachmentSizeLimit,
    BlockBatchTotal,
    BlockCanaryOnly,
    BlockFooterSplit,
    BlockHeavyItem,
    BlockNamedCountry,
    BlockPrimaryRecord,
    BlockStaleBackup,
    CodeGluedAmount,
    CopiedEmailDomainDecides,
    CopiedIdPrefixDecides,
    CsvOverdueInvoice,
    CsvTailClosedRoom,
    CsvTailPriceCap,
    CutoffTimeInResult,
    DealSizeInUnits,
    FirmwareBelowSeen,
    FraudScoreDecimals,
    JsonEscapedNewline,
    JsonEscapedQuote,
    JsonFirstResult,
    JsonForwardEscaped,
    JsonListMostlyOne,
    JsonOptionalKey,
    JsonTailAmountCap,
    JsonTailAmountText,
    ListTailCount,
    MarkdownTableFirstRow,
    MdAttachmentSizes,
    MdFirstRowClosed,
    MultilineTextTail,
    OsVersionGlued,
    PythonReprAddress,
    ScoreInKeyValue,
    TailStatusUnseen,
    TokenExpiredInResult,
    TransferLeavesLittle,
    WaitTimeInResult,
)
from evals.workflows.adversarial.a_value_parts import (
    ChargeOverLimit,
    ExecutableAttachment,
    IpOutsideNetwork,
    NoreplySender,
    PciSubnetNamed,
    RegionalEmailRepo,
    TestOrderPrefix,
    VmMacPrefixNamed,
)
from evals.workflows.adversarial.b_user_text import (
    HandleThenManner,
    IdThenWord,
    InviteOneOrTwo,
    JoinedNamesOneString,
    KvShiftGateway,
    KvShiftTicket,
    LeadingMention,
    LeadingNonAscii,
    LeadingSigil,
    ListInUserText,
    MinLeadingInverted,
    MinLeadingSlash,
    MinNameNewline,
    MinTrailingCJKStop,
    MinTrailingEmoji,
    NameBeforeNewline,
    NameBeforeSpaceWord,
    NameThenManner,
    OneOrTwoReminders,
    QuotedTitleOrList,
    ReadingsInARow,
    ScoreInARow,
    SecondSentence,
    TrailingDigitsEdge,
    TrailingEmojiName,
    TrailingNbspOrCJK,
    TrailingPeriodName,
    TrailingQuestionCity,
)
from evals.workflows.adversarial.base import (
    COMPOUND_FIRST,
    NEW_CITIES,
    OTHER_CITIES,
    R6_ACC,
    R6_CITIES,
    R6_DAYS,
    Adversarial,
    Family,
)
from evals.workflows.adversarial.c_rival_expressions import (
    CapitalizeSurname,
    CityZipAdjacent,
    DueTimestamp,
    FullNameFirstWord,
    FullNameLastWord,
    MaxOfThree,
    MeetingAboutTopic,
    NextMonthSameDay,
    NextYearLeapDay,
    RenameMultiwordTag,
    SharedWordInBranch,
    SlugCopiedWhole,
    SortThree,
    SplitBillRounding,
    SumAsPrinted,
    SumTwoDecimals,
    ThousandsSeparator,
    WidenNewCity,
    WidenTitle,
    ZeroPadding,
)
from evals.workflows.adversarial.control import (
    ChecklistFirstOpen,
    CoincidentSmallNumber,
    CommentaryBesideCall,
    CommentaryNamesRegion,
    CountListItems,
    CsvFirstRoom,
    CsvLastColumn,
    EmojiStatusVS16,
    ExitCodeText,
    FileOverQuotaSeldom,
    ForwardedGrade,
    ForwardedTier,
    FrozenProject,
    HttpStatusRoute,
    IdFromUsername,
    JsonCheckVS16,
    JsonNullOrInt,
    LastOrderInText,
    LeaveBalanceShort,
    LetterGrade,
    MinTrailingNbsp,
    MultiPartContent,
    MultiPartNameAlone,
    NegativeTempOnly,
    NightsOverMaxStay,
    OptionalNickname,
    PickedBesideCanceled,
    PickedFailedJob,
    PriorityRoute,
    ProfileInSystemPrompt,
    PythonReprNote,
    QuotedName,
    RomanNumeralTier,
    SameValueTwoRoles,
    SharedWordMinimal,
    SignedAdjustment,
    SignMarkWithNumber,
    StalledDeploySeldom,
    StarRating,
    StatusCodeJson,
    TemplateSyntaxValue,
    ThumbsSkinTone,
    TodayDeadlineWindow,
    TodayInSystemPrompt,
    ToolResultEdge,
    ToolResultNbsp,
    WidenHonorific,
    WidenSuffix,
    WidenTitleCase,
    ZeroPaddedRoom,
)
from evals.workflows.adversarial.d_equal_values import (
    AddToCartDuplicate,
    AssistantEarlierValue,
    CaseIdEnv,
    CaseOnlyDiffers,
    CorrectionSameWord,
    CorrectionUsuallySame,
    DuplicateTags,
    EmailDomainMatchesCompany,
    EmailFromAccentedName,
    EmailLowercased,
    EmptyToolOutput,
    ErrorLineInLog,
    KeyOrderText,
    KeyOrderVaries,
    ListLookupById,
    MinContainsCopied,
    MinLiteralEqual,
    MinSameCopied,
    MinSameOrDifferent,
    MinUsuallySameCopied,
    NameCaseNormalised,
    NamedUser,
    NameInList,
    NewPasswordSameAsOld,
    NfdBackreference,
    OtherOneSameFrame,
    PasswordHasUsername,
    PathUnderRoot,
    ReassignSameOwner,
    RegionHostRelation,
    ReindentCode,
    RepeatedValueRoles,
    TabsOrSpaces,
    TrailingSpaceName,
    TrailingSpacesInCode,
    TrailingSpaceToolArg,
    TransferSameAccount,
    UsuallyEqualCities,
    VersionMajorRelation,
    WrongRecordReturned,
)
from evals.workflows.adversarial.e_meaning import (
    AffordBudget,
    AOrAn,
    ApiVersionJson,
    BalanceJson4Digit,
    BirthYearAdult,
    BoardFirstReply,
    BudgetEchoed,
    ClockInSystemPrompt,
    CodeClassBehindEnum,
    CommentaryAnnouncesRefund,
    CurrencyPrefixAmount,
    DateDeadline,
    DateWeekend,
    Emoticon,
    EvenNumberLabel,
    EvenNumberMostly,
    EvenOrOdd,
    ExitCodeJson,
    ExpenseThreshold,
    FirmwareVersionGate,
    GateHash,
    HourInLaterTime,
    JsonNegative,
    MinDate,
    MinEmoticon,
    MinHourLater,
    MinJsonBalance,
    MinOrderQty,
    MinSignedInt,
    MinYear,
    NegativeTemperature,
    OrderQuantity,
    PlainAmount4Digit,
    PluralItems,
    PythonVersion,
    RevenueMillions,
    SeatsWordOrNumber,
    SeverityP,
    StaffEmailInSystemPrompt,
    StockCopiedDecides,
    TimeOfDayGreeting,
    TokenExpiry,
    TruncateTitle,
    UnicodeMinus,
    ZipDecides,
)
from evals.workflows.adversarial.f_request_settings import (
    MaxTokensCut,
    StopSequence,
)
from evals.workflows.adversarial.g_tool_protocol import (
    DurationLabelThreshold,
    LoginHourInTimestamp,
    NoteInResultUnseen,
    ParallelFirstFlag,
    ParallelFirstNote,
    ParallelResultsOrder,
)

# The first reviewer's names (``/tmp/hunt/wf1.py`` ... ``wf5.py`` in the review) -> the names here:
#   A  h_optfield -> json_optional_key        h_oneitem -> json_list_mostly_one
#      h_firstresult -> json_first_result     h_note -> json_escaped_newline
#      h_quote -> json_escaped_quote          h_forward -> json_forward_escaped
#   B  h_invite -> list_in_user_text
#   C  h_total -> sum_two_decimals            h_add -> sum_as_printed
#      h_thousands -> thousands_separator     h_capitalize -> capitalize_surname
#      h_zfill -> zero_padding                h_nextyear -> next_year_leap_day
#      h_nextmonth -> next_month_same_day     h_split -> split_bill_rounding (limit)
#      h_max -> max_of_three (limit)          h_sort -> sort_three (limit)
#   D  h_addr -> usually_equal_cities         h_namecase -> name_case_normalised
#      h_emaillower -> email_lowercased
#   E  h_afford -> afford_budget (held since)  h_threshold -> expense_threshold (held since)
#      h_parity -> even_or_odd (held since)   h_plural -> plural_items (limit)
#      h_greeting -> time_of_day_greeting (held since)   h_truncate -> truncate_title (limit)
#      h_article -> a_or_an (limit)
#   F  h_maxtok -> max_tokens_cut             h_stop -> stop_sequence
#   controls (no false hit found): h_count -> count_list_items, h_samerole -> same_value_two_roles,
#      h_ticket -> id_from_username, h_lastresult -> last_order_in_text, h_nickname -> optional_nickname
# The second reviewer's (``/tmp/hunt3/wfa.py``, ``wfb.py`` in the second round):
#   A  b_repraddr -> python_repr_address        b_linestail -> multiline_text_tail (limit; their control)
#   B  a_remind -> one_or_two_reminders         a_inviteand -> invite_one_or_two
#      a_sentence -> second_sentence (limit)
#   D  a_trailing -> trailing_space_name        a_trailtool -> trailing_space_tool_arg
#   G  a_parallel -> parallel_results_order (limit)
#   control (no false hit found): b_reprnote -> python_repr_note
# The third reviewer's (``/tmp/hunt6/traps.py``): their class names are ours; their ``h6_*`` names
# seed the data. ``l_board`` (board_first_reply) is ours.
ALL: tuple[type[Adversarial], ...] = (
    # The first round, by family
    JsonOptionalKey, JsonListMostlyOne, JsonFirstResult, JsonEscapedNewline, JsonEscapedQuote, JsonForwardEscaped,
    ListInUserText,
    SumTwoDecimals, SumAsPrinted, ThousandsSeparator, CapitalizeSurname, ZeroPadding, NextYearLeapDay,
    NextMonthSameDay, SplitBillRounding, MaxOfThree, SortThree,
    UsuallyEqualCities, NameCaseNormalised, EmailLowercased,
    AffordBudget, ExpenseThreshold, EvenOrOdd, PluralItems, TimeOfDayGreeting, TruncateTitle, AOrAn,
    MaxTokensCut, StopSequence,
    CountListItems, SameValueTwoRoles, IdFromUsername, LastOrderInText, OptionalNickname,
    # The second round, by family (after the first: suites keep the first round's order)
    PythonReprAddress, MultilineTextTail,
    OneOrTwoReminders, InviteOneOrTwo, SecondSentence,
    TrailingSpaceName, TrailingSpaceToolArg,
    ParallelResultsOrder,
    PythonReprNote,
    # The third round (``l_board`` is ours, after the tictactoe fixture's first-move template)
    BoardFirstReply,
    FullNameFirstWord, FullNameLastWord, CityZipAdjacent, SharedWordInBranch, DueTimestamp,
    TrailingPeriodName, TrailingQuestionCity, LeadingMention, MarkdownTableFirstRow, CodeClassBehindEnum,
    EmojiStatusVS16, StarRating, HttpStatusRoute, PriorityRoute, CsvLastColumn, TemplateSyntaxValue,
    SharedWordMinimal, ChecklistFirstOpen, SignedAdjustment,
    # The sixth round
    CorrectionUsuallySame, CorrectionSameWord, ListLookupById, CaseIdEnv, ReindentCode,
    TabsOrSpaces, TrailingSpacesInCode, KeyOrderVaries, KeyOrderText, ErrorLineInLog,
    EmptyToolOutput, RepeatedValueRoles, AssistantEarlierValue, OtherOneSameFrame, ReassignSameOwner,
    TransferSameAccount, PasswordHasUsername, NameInList, PathUnderRoot, NewPasswordSameAsOld,
    MinSameOrDifferent, MinSameCopied, DuplicateTags, EmailDomainMatchesCompany, MinUsuallySameCopied,
    MinContainsCopied, CaseOnlyDiffers, WrongRecordReturned, NamedUser, NfdBackreference,
    AddToCartDuplicate, MinLiteralEqual,
    # The fifth round
    OrderQuantity, EvenNumberLabel, EvenNumberMostly, ExitCodeText, ExitCodeJson,
    StatusCodeJson, PythonVersion, ApiVersionJson, SeverityP, CurrencyPrefixAmount,
    GateHash, ZipDecides, RevenueMillions, TokenExpiry, NegativeTemperature,
    NegativeTempOnly, JsonNegative, TrailingNbspOrCJK, LeadingNonAscii, NameBeforeNewline,
    NameBeforeSpaceWord, MultiPartContent, MultiPartNameAlone, TrailingDigitsEdge, ToolResultNbsp,
    WidenTitleCase, WidenHonorific, WidenNewCity, SeatsWordOrNumber, JsonNullOrInt,
    UnicodeMinus, MinTrailingNbsp, MinTrailingCJKStop, MinLeadingInverted, MinNameNewline,
    MinOrderQty, MinSignedInt,
    # The fourth round
    BalanceJson4Digit, BirthYearAdult, PlainAmount4Digit, ZeroPaddedRoom, DateWeekend,
    DateDeadline, BudgetEchoed, StockCopiedDecides, HourInLaterTime, CoincidentSmallNumber,
    LetterGrade, Emoticon, ThumbsSkinTone, JsonCheckVS16, RomanNumeralTier,
    SignMarkWithNumber, TrailingEmojiName, QuotedName, LeadingSigil, ToolResultEdge,
    MinYear, MinJsonBalance, MinDate, MinEmoticon, MinLeadingSlash,
    MinTrailingEmoji, MinHourLater, WidenTitle, WidenSuffix,
    # The seventh round (ours): values copied whole, quoted text
    JoinedNamesOneString, QuotedTitleOrList, SlugCopiedWhole,
    # Forwarded codes (2026-12-06)
    ForwardedTier, ForwardedGrade,
    # Closed values (2026-12-06, the seventh session)
    FrozenProject,
    # Picked list items (2026-12-06, the eighth session)
    PickedFailedJob, PickedBesideCanceled, StalledDeploySeldom, FileOverQuotaSeldom,
    # The model's words beside its tool calls (2026-12-07, the ninth session)
    CommentaryBesideCall, CommentaryNamesRegion,
    # Today's date in the system prompt (2026-12-07)
    TodayInSystemPrompt, TodayDeadlineWindow, ProfileInSystemPrompt,
    # Known limits a reviewer found (2026-12-07)
    StaffEmailInSystemPrompt, CommentaryAnnouncesRefund,
    # A word slot stays a word (2026-12-07, the tenth session: a widening to text was taken out)
    IdThenWord, NameThenManner, HandleThenManner,
    # Rivals of a word's position (2026-12-07, the tenth session's reviewer)
    MeetingAboutTopic, RenameMultiwordTag,
    # The rest of a list as one value (2026-12-07, the tenth session's second reviewer)
    ListTailCount, TailStatusUnseen,
    # Times of day (2026-12-07, the same reviewer)
    CutoffTimeInResult, ClockInSystemPrompt,
    # A derivation that changes characters, on characters no example held (the same reviewer)
    EmailFromAccentedName,
    # Numbers joined by one separator (a version), weighed as no quantity (the same reviewer)
    FirmwareVersionGate,
    # A number with a unit in two shapes ("1GB", "1.2GB"; 2026-12-07, the eleventh session)
    AttachmentSizeLimit,
    # A JSON field's decimals, numbers in a row (the eleventh session's reviewer, docs/review/traps12)
    FraudScoreDecimals, ReadingsInARow, WaitTimeInResult, CodeGluedAmount, OsVersionGlued,
    # The gap between two numbers below the model's choice (the eleventh session's second reviewer)
    TransferLeavesLittle,
    # Versions in order, money in units, decimals after any key (the same reviewer)
    FirmwareBelowSeen, DealSizeInUnits, ScoreInKeyValue, ScoreInARow,
    # The rows of a plain-text table after its first, one value (2026-12-07, the twelfth session)
    CsvTailPriceCap, CsvTailClosedRoom, JsonTailAmountCap, CsvFirstRoom,
    # Its reviewer's shapes (docs/review/traps14)
    MdFirstRowClosed, MdAttachmentSizes, CsvOverdueInvoice, JsonTailAmountText,
    # Fields shifted by an optional one, aligned position by position (the same session's second reviewer)
    KvShiftTicket, KvShiftGateway,
    # The first of parallel results, weighed against the next (2026-12-07, the thirteenth session's
    # reviewer, docs/review/traps16), and the known limits that reviewer's controls found
    ParallelFirstNote, ParallelFirstFlag, DurationLabelThreshold, NoteInResultUnseen, LoginHourInTimestamp,
    # Blocks of lines of plain-text results (2026-12-07, the fourteenth session's reviewer, docs/review/traps18)
    BlockFooterSplit, BlockNamedCountry, BlockBatchTotal, BlockCanaryOnly,
    # ... and from the next reviewer (docs/review/traps19)
    BlockHeavyItem, BlockStaleBackup, BlockPrimaryRecord,
    # Orders between numbers whose labels look like other units (2026-12-07, the fifteenth
    # session's reviewer, docs/review/traps20)
    NightsOverMaxStay, LeaveBalanceShort,
    # ... and the next one's (docs/review/traps21): a copied value's inner part decides
    CopiedIdPrefixDecides, CopiedEmailDomainDecides,
    # Copied values keep their affixes, timestamps their order (the sixteenth session)
    TokenExpiredInResult,
    # A value's part the prompt names or every training value shared decides (the seventeenth
    # session; docs/review/traps22's bare traps, in JSON)
    IpOutsideNetwork, NoreplySender, PciSubnetNamed, VmMacPrefixNamed, ExecutableAttachment,
    ChargeOverLimit, RegionalEmailRepo, TestOrderPrefix,
    # A number past one the prompt names, inside the digits seen (the eighteenth session;
    # docs/review/traps23's bare traps, in JSON)
    RefundOverNamedLimit, DebugPortNamedRange, DiskOverNamedPercent,
    # ... and two values sharing a part (the same traps)
    VersionMajorRelation, RegionHostRelation,
)
GUARDED: tuple[str, ...] = tuple(c.name for c in ALL if c.known_limit is None)
KNOWN_LIMITS: tuple[str, ...] = tuple(c.name for c in ALL if c.known_limit is not None)

__all__ = [
    "ALL",
    "COMPOUND_FIRST",
    "GUARDED",
    "KNOWN_LIMITS",
    "NEW_CITIES",
    "OTHER_CITIES",
    "R6_ACC",
    "R6_CITIES",
    "R6_DAYS",
    "AOrAn",
    "AddToCartDuplicate",
    "Adversarial",
    "AffordBudget",
    "ApiVersionJson",
    "AssistantEarlierValue",
    "AttachmentSizeLimit",
    "BalanceJson4Digit",
    "BirthYearAdult",
    "BoardFirstReply",
    "BudgetEchoed",
    "CapitalizeSurname",
    "CaseIdEnv",
    "CaseOnlyDiffers",
    "ChargeOverLimit",
    "ChecklistFirstOpen",
    "CityZipAdjacent",
    "ClockInSystemPrompt",
    "CodeClassBehindEnum",
    "CodeGluedAmount",
    "CoincidentSmallNumber",
    "CommentaryAnnouncesRefund",
    "CommentaryBesideCall",
    "CommentaryNamesRegion",
    "CopiedEmailDomainDecides",
    "CopiedIdPrefixDecides",
    "CorrectionSameWord",
    "CorrectionUsuallySame",
    "CountListItems",
    "CsvFirstRoom",
    "CsvLastColumn",
    "CsvOverdueInvoice",
    "CsvTailClosedRoom",
    "CsvTailPriceCap",
    "CurrencyPrefixAmount",
    "CutoffTimeInResult",
    "DateDeadline",
    "DateWeekend",
    "DealSizeInUnits",
    "DebugPortNamedRange",
    "DiskOverNamedPercent",
    "DueTimestamp",
    "DuplicateTags",
    "DurationLabelThreshold",
    "EmailDomainMatchesCompany",
    "EmailFromAccentedName",
    "EmailLowercased",
    "EmojiStatusVS16",
    "Emoticon",
    "EmptyToolOutput",
    "ErrorLineInLog",
    "EvenNumberLabel",
    "EvenNumberMostly",
    "EvenOrOdd",
    "ExecutableAttachment",
    "ExitCodeJson",
    "ExitCodeText",
    "ExpenseThreshold",
    "Family",
    "FileOverQuotaSeldom",
    "FirmwareBelowSeen",
    "FirmwareVersionGate",
    "ForwardedGrade",
    "ForwardedTier",
    "FraudScoreDecimals",
    "FrozenProject",
    "FullNameFirstWord",
    "FullNameLastWord",
    "GateHash",
    "HandleThenManner",
    "HourInLaterTime",
    "HttpStatusRoute",
    "IdFromUsername",
    "IdThenWord",
    "InviteOneOrTwo",
    "IpOutsideNetwork",
    "JoinedNamesOneString",
    "JsonCheckVS16",
    "JsonEscapedNewline",
    "JsonEscapedQuote",
    "JsonFirstResult",
    "JsonForwardEscaped",
    "JsonListMostlyOne",
    "JsonNegative",
    "JsonNullOrInt",
    "JsonOptionalKey",
    "JsonTailAmountCap",
    "JsonTailAmountText",
    "KeyOrderText",
    "KeyOrderVaries",
    "KvShiftGateway",
    "KvShiftTicket",
    "LastOrderInText",
    "LeadingMention",
    "LeadingNonAscii",
    "LeadingSigil",
    "LeaveBalanceShort",
    "LetterGrade",
    "ListInUserText",
    "ListLookupById",
    "ListTailCount",
    "LoginHourInTimestamp",
    "MarkdownTableFirstRow",
    "MaxOfThree",
    "MaxTokensCut",
    "MdAttachmentSizes",
    "MdFirstRowClosed",
    "MeetingAboutTopic",
    "MinContainsCopied",
    "MinDate",
    "MinEmoticon",
    "MinHourLater",
    "MinJsonBalance",
    "MinLeadingInverted",
    "MinLeadingSlash",
    "MinLiteralEqual",
    "MinNameNewline",
    "MinOrderQty",
    "MinSameCopied",
    "MinSameOrDifferent",
    "MinSignedInt",
    "MinTrailingCJKStop",
    "MinTrailingEmoji",
    "MinTrailingNbsp",
    "MinUsuallySameCopied",
    "MinYear",
    "MultiPartContent",
    "MultiPartNameAlone",
    "MultilineTextTail",
    "NameBeforeNewline",
    "NameBeforeSpaceWord",
    "NameCaseNormalised",
    "NameInList",
    "NameThenManner",
    "NamedUser",
    "NegativeTempOnly",
    "NegativeTemperature",
    "NewPasswordSameAsOld",
    "NextMonthSameDay",
    "NextYearLeapDay",
    "NfdBackreference",
    "NightsOverMaxStay",
    "NoreplySender",
    "NoteInResultUnseen",
    "OneOrTwoReminders",
    "OptionalNickname",
    "OrderQuantity",
    "OsVersionGlued",
    "OtherOneSameFrame",
    "ParallelFirstFlag",
    "ParallelFirstNote",
    "ParallelResultsOrder",
    "PasswordHasUsername",
    "PathUnderRoot",
    "PciSubnetNamed",
    "PickedBesideCanceled",
    "PickedFailedJob",
    "PlainAmount4Digit",
    "PluralItems",
    "PriorityRoute",
    "ProfileInSystemPrompt",
    "PythonReprAddress",
    "PythonReprNote",
    "PythonVersion",
    "QuotedName",
    "QuotedTitleOrList",
    "ReadingsInARow",
    "ReassignSameOwner",
    "RefundOverNamedLimit",
    "RegionHostRelation",
    "RegionalEmailRepo",
    "ReindentCode",
    "RenameMultiwordTag",
    "RepeatedValueRoles",
    "RevenueMillions",
    "RomanNumeralTier",
    "SameValueTwoRoles",
    "ScoreInARow",
    "ScoreInKeyValue",
    "SeatsWordOrNumber",
    "SecondSentence",
    "SeverityP",
    "SharedWordInBranch",
    "SharedWordMinimal",
    "SignMarkWithNumber",
    "SignedAdjustment",
    "SlugCopiedWhole",
    "SortThree",
    "SplitBillRounding",
    "StaffEmailInSystemPrompt",
    "StalledDeploySeldom",
    "StarRating",
    "StatusCodeJson",
    "StockCopiedDecides",
    "StopSequence",
    "SumAsPrinted",
    "SumTwoDecimals",
    "TabsOrSpaces",
    "TailStatusUnseen",
    "TemplateSyntaxValue",
    "TestOrderPrefix",
    "ThousandsSeparator",
    "ThumbsSkinTone",
    "TimeOfDayGreeting",
    "TodayDeadlineWindow",
    "TodayInSystemPrompt",
    "TokenExpiredInResult",
    "TokenExpiry",
    "ToolResultEdge",
    "ToolResultNbsp",
    "TrailingDigitsEdge",
    "TrailingEmojiName",
    "TrailingNbspOrCJK",
    "TrailingPeriodName",
    "TrailingQuestionCity",
    "TrailingSpaceName",
    "TrailingSpaceToolArg",
    "TrailingSpacesInCode",
    "TransferLeavesLittle",
    "TransferSameAccount",
    "TruncateTitle",
    "UnicodeMinus",
    "UsuallyEqualCities",
    "VersionMajorRelation",
    "VmMacPrefixNamed",
    "WaitTimeInResult",
    "WidenHonorific",
    "WidenNewCity",
    "WidenSuffix",
    "WidenTitle",
    "WidenTitleCase",
    "WrongRecordReturned",
    "ZeroPaddedRoom",
    "ZeroPadding",
    "ZipDecides",
]
