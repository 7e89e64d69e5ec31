<import resource="classpath:alfresco/templates/webscripts/org/alfresco/repository/admin/admin-common.lib.js">
<import resource="classpath:alfresco/extension/templates/webscripts/org/alfresco/repository/admin/locker/locker-settings.lib.js">

function main()
{
   var root = LockerSettings.root();
   model.found = root !== null;
   if (root !== null)
   {
      // a missing settings folder shows the defaults; saving creates it
      model.settings = LockerSettings.read(LockerSettings.folder(root, false));
   }
   model.tools = Admin.getConsoleTools("locker-settings");
   model.metadata = Admin.getServerMetaData();
}

main();
