package i18n

func init() { register(bundleMessages) }

// bundleMessages: USB bundles both ways, their receipts, and enrolment from
// a file alone (issue 15).
var bundleMessages = map[string][2]string{
	"cli.help.cmd.bundle":          {"Trao đổi với máy chủ quận bằng tệp (USB) khi không có mạng", "Exchange with the district hub by file (USB stick) when there is no network"},
	"cli.help.cmd.bundle.export":   {"Ghi mọi thay đổi máy chủ chưa nhận vào một gói đã ký và mã hoá", "Write every change the hub has not acknowledged to a signed, encrypted bundle"},
	"cli.help.cmd.bundle.receipt":  {"Đánh dấu đã gửi các thay đổi mà biên nhận của máy chủ xác nhận", "Mark acknowledged the changes a hub's receipt confirms"},
	"cli.help.cmd.bundle.import":   {"Áp dụng gói của máy chủ (bài trình bày, danh mục đơn vị, câu trả lời)", "Apply a bundle from the hub (decks, unit catalog, answers)"},
	"cli.help.cmd.hub.import":      {"Nhập gói của máy trạm và ghi biên nhận bên cạnh", "Import devices' bundles and write a receipt beside each"},
	"cli.help.cmd.hub.bundle":      {"Ghi gói cho một đơn vị: bài trình bày, danh mục, câu trả lời", "Write a bundle for a unit: decks, catalog, answers"},
	"cli.help.flag.bundle.out":     {"tệp gói cần ghi (mặc định: trong thư mục hiện tại)", "the bundle file to write (default: in the current folder)"},
	"cli.help.flag.hub.after":      {"chỉ những gì sau số thứ tự nguồn này (máy đã có đến đó)", "only what follows this feed cursor (the device has it up to there)"},
	"cli.help.flag.enroll.offline": {"ghi danh từ tệp, không liên lạc máy chủ (máy không bao giờ có mạng)", "enrol from the file alone, without reaching the hub (a laptop never online)"},

	"bundle.export.done":      {"Đã ghi gói %s: %d thay đổi (số %d–%d), %s, đã ký và mã hoá cho máy chủ quận.", "Wrote bundle %s: %d changes (numbers %d–%d), %s, signed and encrypted to the district hub."},
	"bundle.export.enrolonly": {"Đã ghi gói %s: chưa có thay đổi mới, gói chỉ mang yêu cầu ghi danh (%s).", "Wrote bundle %s: no new changes; it carries the enrolment alone (%s)."},
	"bundle.export.enrol":     {"Gói mang mã ghi danh của máy này (đã mã hoá): máy chủ ghi danh máy khi nhập gói.", "The bundle carries this laptop's enrolment code (encrypted): the hub enrols it on import."},
	"bundle.export.verified":  {"Đã đọc lại và kiểm tra tệp trên đĩa: có thể rút USB.", "Read back and verified on the disk: the USB stick can be removed."},
	"bundle.export.next":      {"Ở quận: briefing hub import %s ghi biên nhận %s; mang biên nhận về và chạy briefing bundle receipt %[2]s.", "At the district: briefing hub import %s writes the receipt %s; bring it back and run briefing bundle receipt %[2]s."},
	"bundle.export.nothing":   {"Máy chủ đã nhận mọi thay đổi của máy này: không có gì để ghi.", "The hub holds every change of this device: nothing to export."},
	"bundle.export.expires":   {"Gói còn hiệu lực đến %s.", "The bundle is valid until %s."},

	"bundle.receipt.done":  {"Biên nhận của máy chủ %s (nhập lúc %s): máy chủ đã nhận đến thay đổi số %d; %d thay đổi vừa được đánh dấu đã gửi, còn chờ %d.", "Receipt of hub %s (imported %s): the hub holds changes up to number %d; %d newly marked acknowledged, %d pending."},
	"bundle.receipt.held":  {"Máy chủ giữ lại %d bản ghi chưa áp dụng (ngoài đơn vị của máy, ...): quận xem bằng briefing hub held.", "The hub holds %d records it did not apply (outside this device's units, ...): the district looks at them with briefing hub held."},
	"bundle.receipt.epoch": {"Biên nhận %s thuộc một đợt đánh số cũ của máy này (máy đã gửi lại toàn bộ sau đó): không có gì để đánh dấu.", "Receipt %s is of an earlier numbering of this device (it sent everything again since): nothing to mark."},
	"bundle.receipt.ahead": {"Biên nhận %s xác nhận những thay đổi máy này không có (cơ sở dữ liệu đã khôi phục từ bản cũ?): không đánh dấu gì; chạy briefing bundle export để gửi lại.", "Receipt %s acknowledges changes this device does not have (was the database restored from an older copy?): nothing marked; run briefing bundle export to send again."},

	"bundle.import.done":    {"Đã áp dụng gói %s của máy chủ %s: %d bài trình bày, %d đơn vị, %d tên gọi khác, %d câu trả lời.", "Applied bundle %s of hub %s: %d decks, %d units, %d other names, %d answers."},
	"bundle.import.already": {"Gói %s không có gì mới: máy này đã áp dụng nguồn của máy chủ đến đó.", "Bundle %s brings nothing new: this device has applied the hub's feed that far."},

	"bundle.hub.after":     {"--after là số thứ tự nguồn từ 0 trở lên, không phải %d.", "--after is a feed cursor of 0 or more, not %d."},
	"bundle.hub.keys":      {"Không đọc được khoá gói của máy chủ: %v", "Cannot read the hub's bundle keys: %v"},
	"bundle.hub.imported":  {"%s: đã nhập gói của máy %s (%s): %d thay đổi, máy chủ đã nhận đến số %d.", "%s: imported the bundle of device %s (%s): %d changes; the hub holds changes up to number %d."},
	"bundle.hub.enrolled":  {"%s: máy %s (%s) được ghi danh bằng mã trong gói.", "%s: device %s (%s) was enrolled by the code in its bundle."},
	"bundle.hub.heldsome":  {"%s: %d bản ghi bị giữ lại chưa áp dụng: xem briefing hub held.", "%s: %d records held, not applied: see briefing hub held."},
	"bundle.hub.waiting":   {"%s: các thay đổi từ số %d chờ một gói trước đó (thiếu thay đổi %d): nhập gói đó, hoặc xin máy đó ghi gói mới.", "%s: the changes from number %d wait for an earlier bundle (change %d is missing): import that one, or ask the laptop for a new bundle."},
	"bundle.hub.receipt":   {"%s: biên nhận ghi tại %s: mang về máy trạm và chạy briefing bundle receipt %[2]s.", "%s: receipt written to %s: take it back to the laptop and run briefing bundle receipt %[2]s."},
	"bundle.hub.failed":    {"%d trong %d gói bị từ chối: không gói nào bị áp dụng một phần.", "%d of %d bundles refused: none was applied in part."},
	"bundle.hub.written":   {"Đã ghi gói %s cho %s: %d mục (nguồn %d–%d), %s, mã hoá cho %d máy của đơn vị; đã đọc lại và kiểm tra.", "Wrote bundle %s for %s: %d items (feed %d–%d), %s, encrypted to the unit's %d devices; read back and verified."},
	"bundle.hub.nodevices": {"Đơn vị %s chưa có máy nào ghi danh ở máy chủ này: không ai giải mã được gói. Ghi danh một máy (briefing hub enroll --unit %[1]s) hoặc nhập gói đầu tiên của nó trước.", "Unit %s has no device enrolled at this hub: nobody could decrypt the bundle. Enrol a laptop (briefing hub enroll --unit %[1]s) or import its first bundle first."},

	"bundle.err.format":      {"%s không phải gói briefing hợp lệ hoặc bị cắt ngắn: %v. Ghi lại gói từ máy nguồn.", "%s is not a valid briefing bundle, or was cut short: %v. Write the bundle again at its source."},
	"bundle.err.notreceipt":  {"%s không phải biên nhận của máy chủ: biên nhận là tệp .receipt mà briefing hub import ghi bên cạnh gói.", "%s is not a hub's receipt: a receipt is the .receipt file briefing hub import writes beside the bundle."},
	"bundle.err.signature":   {"%s: chữ ký không khớp (tệp bị sửa, hoặc do máy khác ký): không áp dụng gì.", "%s: the signature does not verify (the file was changed, or another device signed it): nothing applied."},
	"bundle.err.hash":        {"%s: nội dung không khớp với bản kê đã ký (tệp bị hỏng hoặc bị sửa): không áp dụng gì. Ghi lại gói từ máy nguồn.", "%s: the content does not match the signed manifest (damaged or altered): nothing applied. Write the bundle again at its source."},
	"bundle.err.expired":     {"%s: gói đã hết hạn ngày %v: không áp dụng gì. Ghi gói mới ở nơi gửi.", "%s: the bundle expired on %v: nothing applied. Write a new one where it came from."},
	"bundle.err.replayed":    {"%s: gói này đã được nhập lúc %v: không nhập lại. Biên nhận của nó nằm bên cạnh gói (.receipt); cần biên nhận mới thì để máy trạm ghi gói mới.", "%s: this bundle was imported at %v: not imported again. Its receipt is beside it (.receipt); for a new one, have the laptop write a new bundle."},
	"bundle.err.otherhub":    {"%s: gói dành cho máy chủ khác (%v): không áp dụng gì.", "%s: the bundle is for another hub (%v): nothing applied."},
	"bundle.err.isdown":      {"%s là gói máy chủ gửi xuống đơn vị: nhập trên máy trạm bằng briefing bundle import.", "%s is the hub's bundle for a unit: import it on the laptop with briefing bundle import."},
	"bundle.err.isup":        {"%s là gói của một máy trạm gửi lên quận: nhập ở máy chủ bằng briefing hub import.", "%s is a laptop's bundle for the district: import it at the hub with briefing hub import."},
	"bundle.err.origin":      {"%s: gói chứa bản ghi do máy khác tạo (%v): từ chối cả gói, không áp dụng gì.", "%s: the bundle holds records another device wrote (%v): refused whole, nothing applied."},
	"bundle.err.older":       {"%s: gói cũ hơn những gì máy này đã áp dụng (%v): không quay lui, không áp dụng gì.", "%s: the bundle is older than what this device applied (%v): no rollback, nothing applied."},
	"bundle.err.gap":         {"%s: %v.", "%s: %v."},
	"bundle.err.unknown":     {"%s: máy ký gói chưa ghi danh ở máy chủ này (%v): không áp dụng gì. Ghi danh máy (briefing hub enroll) rồi để máy ghi gói mới.", "%s: the signing device is not enrolled at this hub (%v): nothing applied. Enrol it (briefing hub enroll) and have it write a new bundle."},
	"bundle.err.revoked":     {"%s: máy ký gói đã bị thu hồi (%v): không áp dụng gì; hồ sơ vẫn còn trên máy đó; hỏi quận.", "%s: the signing device was revoked (%v): nothing applied; its records stay on it."},
	"bundle.err.notforme":    {"%s: máy này không giải mã được gói (%v): gói dành cho máy khác hoặc đơn vị khác.", "%s: this device cannot decrypt the bundle (%v): it is for another device or unit."},
	"bundle.err.refused":     {"%s: máy chủ từ chối gói: %v. Không áp dụng gì.", "%s: the hub refused the bundle: %v. Nothing applied."},
	"bundle.err.notenrolled": {"Máy này chưa ghi danh với máy chủ quận: chạy briefing enroll TỆP-GHI-DANH (thêm --offline nếu máy không có mạng).", "This device is not enrolled at a district hub: run briefing enroll ENROLMENT-FILE (add --offline if it has no network)."},
	"bundle.err.nohubkeys":   {"Máy này ghi danh với máy chủ chưa có khoá gói: xin quận mã mới (briefing hub enroll) và ghi danh lại.", "This device enrolled with a hub that had no bundle keys: ask the district for a new code (briefing hub enroll) and enrol again."},
	"bundle.err.large":       {"%s lớn hơn mức một gói được phép (%v).", "%s is larger than a bundle may be (%v)."},
	"bundle.err.write":       {"Không ghi được gói %s: %v. Không có gì thay đổi trên máy; thử USB khác.", "Cannot write bundle %s: %v. Nothing changed on this device; try another stick."},

	"sync.enroll.offline.done":     {"Đã ghi danh máy này từ tệp, không cần mạng: máy chủ %s, đơn vị %s. Máy chủ biết máy này khi nhập gói đầu tiên của nó (briefing bundle export).", "This device is enrolled from the file, without the network: hub %s, unit %s. The hub learns of it when it imports its first bundle (briefing bundle export)."},
	"sync.enroll.offline.file":     {"Tệp %s chứa mã ghi danh và khoá băm số CCCD: xoá tệp khỏi USB sau khi ghi danh.", "The file %s holds the enrolment code and the citizen-ID hash key: delete it from the stick once enrolled."},
	"sync.enroll.offline.fallback": {"Không liên lạc được máy chủ %s: ghi danh từ tệp, không cần mạng.", "The hub %s cannot be reached: enrolling from the file, without the network."},
	"sync.enroll.pending.done":     {"Máy chủ %s chưa biết máy này (ghi danh từ tệp): đã ghi danh bằng mã trong tệp, đồng bộ tiếp.", "The hub %s did not know this laptop (enrolled from a file): enrolled with the file's code; syncing on."},
	"sync.status.hub.files":        {"không có địa chỉ mạng: trao đổi bằng gói (briefing bundle)", "no network address: exchanged by bundles (briefing bundle)"},
	"bundle.err.code":              {"%s: máy chủ không ghi danh được máy này bằng mã trong gói: %v. Xin quận tệp ghi danh mới (briefing hub enroll --unit ĐƠN-VỊ -o TỆP), ghi danh lại từ tệp đó trên máy (briefing enroll TỆP --offline; hồ sơ trên máy vẫn giữ nguyên), rồi ghi gói mới.", "%s: the hub could not enrol this laptop with the code in the bundle: %v. Ask the district for a new enrolment file (briefing hub enroll --unit UNIT -o FILE), enrol from it on the laptop (briefing enroll FILE --offline; its records stay), then write a new bundle."},
	"sync.enroll.offline.no":       {"Tệp %s không mang đủ thông tin để ghi danh không cần mạng: xin quận tệp mới (briefing hub enroll --unit ĐƠN-VỊ -o TỆP).", "The file %s does not carry what enrolling without the network needs: ask the district for a new one (briefing hub enroll --unit UNIT -o FILE)."},
}
