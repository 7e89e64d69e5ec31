/*
 * Customisation of Share's header (extension module locker-share-module): adds "Digital locker"
 * to the application menu bar, linking to /share/page/locker.
 */
(function()
{
   var menuBar = widgetUtils.findObject(model.jsonModel, "id", "HEADER_APP_MENU_BAR");
   if (menuBar && menuBar.config && menuBar.config.widgets)
   {
      menuBar.config.widgets.push({
         id: "LOCKER_SHARE_MODULE_HEADER_LOCKER",
         name: "alfresco/header/AlfMenuBarItem",
         config: {
            id: "LOCKER_SHARE_MODULE_HEADER_LOCKER",
            label: msg.get("locker.header.menu"),
            title: msg.get("locker.header.menu.title"),
            targetUrl: "locker"
         }
      });
   }
})();
